package brief

// irregular maps irregular English verb forms to their base form, so that "rose" matches
// "rise" and "spent" matches "spend"; Porter only strips regular endings. Forms that are also
// common words of another meaning ("found", "left", "lead", "saw") are left out.
var irregular = map[string]string{
	"rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win",
	"lost": "lose", "paid": "pay", "spent": "spend", "built": "build", "sold": "sell",
	"bought": "buy", "told": "tell", "ran": "run", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "made": "make", "began": "begin", "begun": "begin",
	"went": "go", "gone": "go", "came": "come", "held": "hold", "kept": "keep",
	"brought": "bring", "thought": "think", "caught": "catch", "fought": "fight",
	"chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive", "fled": "flee",
	"grew": "grow", "grown": "grow", "knew": "know", "known": "know", "shot": "shoot",
	"stole": "steal", "stolen": "steal", "struck": "strike", "threw": "throw",
	"thrown": "throw", "wrote": "write", "written": "write", "broke": "break",
	"broken": "break", "spoke": "speak", "spoken": "speak", "ate": "eat", "eaten": "eat",
	"sent": "send", "met": "meet", "hid": "hide", "hidden": "hide", "flew": "fly",
	"flown": "fly", "froze": "freeze", "frozen": "freeze", "sank": "sink", "sunk": "sink",
	"swam": "swim", "sought": "seek", "taught": "teach", "understood": "understand",
	"withdrew": "withdraw", "withdrawn": "withdraw", "wore": "wear", "worn": "wear",
	"hung": "hang", "dug": "dig", "fed": "feed", "bit": "bite", "bitten": "bite",
	"arose": "arise", "arisen": "arise", "awoke": "awake", "forgot": "forget",
	"forgotten": "forget", "forgave": "forgive", "forgiven": "forgive", "overtook": "overtake",
	"undertook": "undertake", "shrank": "shrink", "shrunk": "shrink", "sprang": "spring",
	"stood": "stand", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear",
	"woke": "wake", "woken": "wake", "slid": "slide", "sped": "speed", "bled": "bleed",
	"bred": "breed", "dealt": "deal", "felt": "feel", "heard": "hear", "lent": "lend",
	"meant": "mean", "slept": "sleep", "swept": "sweep", "wept": "weep", "died": "die",
	"men": "man", "women": "woman", "children": "child", "people": "person",
}

// synonyms groups words that news text uses interchangeably for the facts readers ask about:
// a question saying "rise" should find "climbed". Each word maps to its group's head, in the
// form term returns.
var synonymGroups = [][]string{
	{"rise", "increase", "climb", "gain", "jump", "grow", "soar", "surge", "up"},
	{"fall", "drop", "decline", "down", "decrease", "slump", "shrink", "plunge", "lose"},
	{"cost", "price", "pay", "spend", "charge", "worth", "fee"},
	{"die", "kill", "dead", "death", "fatal"},
	{"hurt", "injure", "injury", "wound"},
	{"start", "begin", "launch"},
	{"win", "beat", "victory", "winner"},
	{"buy", "acquire", "purchase", "takeover"},
	{"name", "call", "dub", "title"},
	{"cause", "trace", "blame", "reason"},
	{"build", "construct", "construction"},
	{"close", "shut", "closure"},
	{"ban", "prohibit", "forbid"},
}
