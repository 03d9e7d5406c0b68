package demo

// genWords is the vocabulary of the Generator's synthetic articles: common words of news
// English, so the text has the rhythm of prose (lengths, stop words, capitals) without being
// anyone's writing.
var genWords = [...]string{
	"the", "the", "the", "of", "of", "and", "and", "to", "to", "a", "a", "in", "in", "for", "on", "with",
	"that", "was", "is", "said", "at", "by", "from", "its", "has", "have", "will", "be", "were", "after",
	"about", "more", "than", "new", "last", "first", "year", "years", "week", "city", "council", "state",
	"government", "people", "officials", "residents", "company", "market", "report", "plan", "project",
	"school", "hospital", "police", "court", "judge", "minister", "mayor", "president", "director",
	"spokesperson", "analysts", "workers", "families", "students", "teachers", "farmers", "drivers",
	"water", "energy", "power", "price", "prices", "cost", "costs", "budget", "tax", "money", "million",
	"billion", "percent", "number", "rate", "growth", "jobs", "homes", "housing", "rent", "road", "roads",
	"bridge", "rail", "line", "station", "airport", "port", "river", "coast", "weather", "storm", "rain",
	"summer", "winter", "morning", "evening", "night", "day", "time", "month", "season", "record",
	"team", "game", "match", "season", "league", "coach", "players", "fans", "stadium", "goal", "win",
	"study", "research", "scientists", "data", "results", "evidence", "survey", "system", "service",
	"services", "program", "public", "local", "national", "regional", "federal", "central", "northern",
	"southern", "eastern", "western", "small", "large", "major", "early", "late", "recent", "several",
	"many", "some", "most", "other", "same", "next", "previous", "former", "current", "annual", "final",
	"agreed", "approved", "announced", "confirmed", "expected", "planned", "opened", "closed", "reported",
	"added", "warned", "told", "asked", "called", "found", "showed", "raised", "cut", "rose", "fell",
	"increased", "reduced", "built", "started", "finished", "moved", "paid", "received", "launched",
	"decided", "voted", "discussed", "delayed", "published", "released", "completed", "remained",
	"because", "while", "although", "since", "before", "during", "under", "over", "between", "across",
	"into", "through", "against", "around", "near", "without", "also", "still", "already", "only",
	"now", "then", "again", "nearly", "almost", "about", "roughly", "mostly", "largely", "recently",
	"could", "would", "should", "might", "must", "can", "may", "not", "no", "but", "or", "as", "if",
	"their", "his", "her", "our", "this", "these", "those", "which", "who", "what", "where", "when",
	"two", "three", "four", "five", "six", "ten", "twelve", "twenty", "hundred", "dozen", "half",
	"area", "region", "district", "centre", "village", "town", "street", "park", "building", "site",
	"community", "group", "association", "committee", "board", "agency", "office", "department",
	"industry", "business", "businesses", "shop", "shops", "factory", "plant", "farm", "harvest",
	"support", "concern", "concerns", "question", "questions", "decision", "vote", "meeting", "hearing",
	"change", "changes", "increase", "decline", "problem", "problems", "safety", "health", "care",
	"training", "access", "traffic", "transport", "travel", "visitors", "tourism", "festival", "museum",
	"library", "music", "art", "history", "future", "plans", "proposal", "funding", "investment",
}

// genNames provide bylines, places and quoted people for synthetic articles.
var genFirst = [...]string{"Alex", "Maria", "Sam", "Priya", "Jonas", "Chloe", "Omar", "Lena", "David", "Aiko", "Tomás", "Grace", "Ivan", "Nadia", "Peter", "Ruth"}
var genLast = [...]string{"Hartley", "Nguyen", "Okafor", "Lindgren", "Moreau", "Schneider", "Patel", "Kowalski", "Reyes", "Fischer", "Adeyemi", "Clarke", "Novak", "Duarte", "Brennan", "Sato"}
var genPlaces = [...]string{"Ashford Vale", "Kingsport", "Millhaven", "Northbridge", "Eastwick", "Stonebury", "Redcliff", "Fairmont", "Lakeview", "Westerby", "Harrowgate", "Pinefield"}
