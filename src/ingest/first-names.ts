/**
 * Common given names in the UK (girls' and boys' names across the generations of women, their
 * children and partners), written for the privacy guard: a capitalised word from this list
 * followed by a surname is read as a person's name. Lower case, one per entry. Not exhaustive:
 * a name missing here is still caught with a title ("Mrs Okafor").
 */
const NAMES = `
aaliyah abbie abby abigail ada adele adriana agnes aisha alana alexandra alexis alice alicia
alison allison alma alyssa amal amanda amara amber amelia amina amy ana andrea angela angelina
angie anita ann anna annabel anne annette annie antonia april arabella aria ariana arya ashley
asma audrey aurora ava ayesha barbara beatrice becky belinda bella bernadette beth bethan bethany
betty beverley bianca billie bonnie brenda bridget brooke caitlin callie cara carla carly carmen
carol caroline carolyn carrie cassie catherine cathy charlene charlie charlotte chelsea cheryl
chloe christina christine claire clara clare claudia colleen connie courtney crystal cynthia
daisy dana danielle daphne darcey darcy dawn debbie deborah debra demi denise diana diane dina
dolores donna doreen doris dorothy eden edith eileen elaine eleanor elena eliza elizabeth ella
ellen ellie eloise elsie emilia emily emma erica erin esme esther ethel eva eve evelyn evie
fatima faye felicity fern fiona florence frances francesca freya gabriella gail gemma georgia
georgina geraldine gillian gina gloria grace gwen hadiza hafsa hannah harper harriet hayley
hazel heather heidi helen helena hollie holly hope ida imogen irene iris isabel isabella
isabelle isla ivy jackie jacqueline jade jane janet janice jasmine jayne jean jeanette jemma
jenna jennifer jenny jessica jill joan joanna joanne jodie josephine joy joyce judith judy julia
julie june kaitlyn karen kate katherine kathleen kathryn katie katy kay kayla kayleigh keeley
kelly kerry kim kimberley kirsty krystal kyla lacey laila lara laura lauren layla leah leanne
leila lena lesley leslie lexi libby lilian lillian lily linda lindsay lisa lola lorna lorraine
louise lucia lucy luna lydia lynda lynn lynne mabel macy madison maisie mandy margaret maria
marian marie marion marjorie martha mary matilda maureen maxine maya megan melanie melissa mia
michelle mila millie miriam molly monica morag muriel nadia nancy naomi natalie natasha nellie
nicola nicole nina nora norma olive olivia paige pamela patricia paula pauline pearl penelope
penny phoebe phoebe phyllis pippa polly poppy priya rachael rachel rebecca rhiannon rita robyn
rose rosemary rosie ruby ruth sabrina sadie safiya samantha sandra sara sarah scarlett serena
shannon sharon sheila shelley shirley sian sienna simone sinead siobhan sofia sonia sophia
sophie stacey stella stephanie sue summer susan suzanne sylvia tamara tammy tanya tara teresa
tessa theresa tia tiffany tina toni tracey tracy valerie vanessa vera veronica vicky victoria
violet vivien wendy willow yasmin yvonne zara zoe zainab
aaron abdul adam adrian ahmed aidan alan albert alex alexander alfie ali alistair andrew andy
anthony archie arthur ashton barry ben benjamin bernard bill billy bobby brandon brian bruce
callum calvin carl charles chris christopher clive colin connor craig damian daniel danny darren
david dean dennis derek dominic douglas dylan eddie edward elliot ethan frank fraser freddie
frederick gary gavin george gordon graham grant gregory harrison harry harvey hassan henry hugo
ian imran isaac jack jacob jake james jamie jason jay jeffrey jeremy jim jimmy joe joel john
jonathan jordan joseph josh joshua jude justin karl keith kevin kieran kyle lee leo leon leonard
lewis liam logan louis luca lucas luke malcolm marcus mark martin mason matthew max michael
mohammed mohammad muhammad nathan neil nicholas nigel noah oliver oscar owen patrick paul peter
philip raymond reece richard rob robert robin ronald ross roy ryan sam samuel scott sean shane
simon stanley stephen steve steven stuart terry theo theodore thomas tim timothy toby tom tommy
tony trevor tyler usman victor vincent wayne william zach zachary
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
