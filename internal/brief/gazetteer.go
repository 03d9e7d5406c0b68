package brief

import "strings"

// places is a gazetteer of countries, their common short forms, US states, continents and
// regions, and the world's major cities (capitals and the most populous, plus the cities that
// news datelines name most). Keys are lower case.
var places = setOf(splitList(`
afghanistan|albania|algeria|andorra|angola|antigua and barbuda|argentina|armenia|australia|
austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|
bolivia|bosnia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|
cambodia|cameroon|canada|cape verde|central african republic|chad|chile|china|colombia|comoros|
congo|democratic republic of congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|
denmark|djibouti|dominica|dominican republic|east timor|ecuador|egypt|el salvador|
equatorial guinea|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|
germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|
iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|
kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|
liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|
marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|
morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|
niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|
papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|
saint lucia|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|
slovakia|slovenia|solomon islands|somalia|south africa|south korea|korea|south sudan|spain|
sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|
tonga|trinidad and tobago|tunisia|turkey|türkiye|turkmenistan|tuvalu|uganda|ukraine|
united arab emirates|uae|united kingdom|uk|britain|great britain|england|scotland|wales|
northern ireland|united states|united states of america|usa|us|america|uruguay|uzbekistan|
vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|gaza|west bank|crimea|greenland|
hong kong|puerto rico|tibet|kashmir|
africa|asia|europe|north america|south america|latin america|antarctica|oceania|
middle east|east asia|southeast asia|south asia|central asia|the balkans|balkans|caribbean|
scandinavia|siberia|arctic|sahara|sahel|mediterranean|pacific|atlantic|
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|
idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|
minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|
new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|
south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|
wisconsin|wyoming|
ontario|quebec|british columbia|alberta|bavaria|catalonia|queensland|new south wales|victoria|
kabul|tirana|algiers|luanda|buenos aires|yerevan|canberra|sydney|melbourne|brisbane|perth|
vienna|baku|manama|dhaka|minsk|brussels|antwerp|la paz|sarajevo|brasilia|rio de janeiro|
sao paulo|são paulo|sofia|phnom penh|ottawa|toronto|montreal|vancouver|santiago|beijing|
shanghai|guangzhou|shenzhen|chongqing|wuhan|bogota|bogotá|zagreb|havana|nicosia|prague|
copenhagen|quito|cairo|alexandria|addis ababa|helsinki|paris|marseille|lyon|nice|berlin|
munich|hamburg|frankfurt|cologne|accra|athens|guatemala city|port-au-prince|budapest|
reykjavik|new delhi|delhi|mumbai|kolkata|chennai|bangalore|bengaluru|hyderabad|jakarta|tehran|
baghdad|mosul|basra|dublin|jerusalem|tel aviv|rome|milan|naples|turin|florence|venice|
kingston|tokyo|osaka|kyoto|amman|nairobi|kuwait city|beirut|tripoli|benghazi|vilnius|
kuala lumpur|valletta|mexico city|chisinau|ulaanbaatar|rabat|casablanca|maputo|yangon|
kathmandu|amsterdam|rotterdam|the hague|wellington|auckland|managua|abuja|lagos|pyongyang|
oslo|muscat|islamabad|karachi|lahore|panama city|lima|manila|warsaw|krakow|lisbon|porto|doha|
bucharest|moscow|st petersburg|saint petersburg|kigali|riyadh|jeddah|mecca|dakar|belgrade|
freetown|bratislava|ljubljana|mogadishu|cape town|johannesburg|pretoria|durban|seoul|busan|
juba|madrid|barcelona|valencia|seville|colombo|khartoum|stockholm|bern|zurich|geneva|damascus|
aleppo|taipei|dushanbe|dar es salaam|bangkok|tunis|ankara|istanbul|kampala|kyiv|kiev|kharkiv|
odesa|odessa|lviv|abu dhabi|dubai|london|manchester|birmingham|liverpool|leeds|glasgow|
edinburgh|cardiff|belfast|bristol|newcastle|sheffield|oxford|cambridge|washington dc|
washington d.c.|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|
san francisco|seattle|boston|miami|atlanta|detroit|denver|las vegas|baltimore|new orleans|
minneapolis|portland|austin|nashville|orlando|brooklyn|manhattan|montevideo|tashkent|caracas|
hanoi|ho chi minh city|sanaa|aden|lusaka|harare|gaza city|ramallah|kandahar|raqqa|homs|
sevastopol|donetsk|luhansk|mariupol|minsk|tbilisi|astana|almaty|bishkek|ashgabat|
`)...)

// orgAcronyms are well-known organisations written as acronyms or single words, which the
// suffix cues in entities.go cannot recognise.
var knownOrgs = setOf(splitList(`
un|united nations|nato|eu|european union|who|world health organization|imf|world bank|wto|
opec|unesco|unicef|fifa|uefa|ioc|nasa|esa|fbi|cia|nsa|dhs|pentagon|kremlin|white house|
congress|senate|parliament|bundestag|downing street|the fed|federal reserve|ecb|
bank of england|bbc|cnn|nbc|abc|cbs|fox news|reuters|ap|associated press|afp|espn|hbo|
netflix|google|alphabet|apple|microsoft|amazon|facebook|meta|twitter|instagram|youtube|
tiktok|tesla|spacex|samsung|sony|toyota|volkswagen|bmw|boeing|airbus|ibm|intel|nvidia|
openai|uber|airbnb|walmart|exxon|shell|bp|gazprom|hsbc|barclays|rbs|goldman sachs|
jpmorgan|morgan stanley|nhs|isis|isil|islamic state|taliban|hamas|hezbollah|al-qaeda|
al qaeda|boko haram|red cross|amnesty international|greenpeace|labour|conservatives|tories|
democrats|republicans|gop|snp|ukip|sec|fda|cdc|epa|nypd|lapd|met police|scotland yard|
interpol|europol|mi5|mi6|kgb|fsb|mossad|premier league|champions league|nfl|nba|mlb|nhl|
`)...)

// firstNames are common given names; a capitalised pair starting with one is a person.
var firstNames = setOf(splitList(`
james|john|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|
matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|
ronald|edward|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|
scott|brandon|benjamin|samuel|gregory|alexander|frank|patrick|raymond|jack|dennis|jerry|
tyler|aaron|jose|adam|nathan|henry|douglas|zachary|peter|kyle|ethan|walter|noah|jeremy|
christian|keith|roger|terry|gerald|harold|sean|austin|carl|arthur|lawrence|dylan|jesse|
jordan|bryan|billy|joe|bruce|gabriel|logan|albert|willie|alan|juan|wayne|elijah|randy|roy|
vincent|ralph|eugene|russell|bobby|mason|philip|louis|harry|tom|tim|tony|ben|sam|bill|bob|
mike|jim|steve|dave|chris|nick|matt|dan|rob|alex|ian|neil|simon|graham|gordon|boris|vladimir|
emmanuel|angela|theresa|hillary|barack|joe|kamala|nancy|elon|jeff|mark|warren|rishi|keir|
mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|nancy|betty|
margaret|sandra|ashley|kimberly|emily|donna|michelle|carol|amanda|dorothy|melissa|deborah|
stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|angela|shirley|anna|brenda|pamela|emma|
nicole|helen|samantha|katherine|christine|debra|rachel|carolyn|janet|catherine|maria|heather|
diane|ruth|julie|olivia|joyce|virginia|victoria|kelly|lauren|christina|joan|evelyn|judith|
megan|andrea|cheryl|hannah|jacqueline|martha|gloria|teresa|ann|sara|madison|frances|kathryn|
janice|jean|abigail|alice|judy|sophia|grace|denise|amber|doris|marilyn|danielle|beverly|
isabella|theresa|diana|natalie|brittany|charlotte|marie|kayla|alexis|lori|kate|jane|julia|
lucy|sophie|chloe|ella|amelia|mia|zoe|ruby|holly|jade|leah|claire|fiona|gemma|kirsty|
mohammed|muhammad|ahmed|ali|omar|hassan|hussein|ibrahim|yusuf|abdul|fatima|aisha|
carlos|luis|jorge|pedro|miguel|javier|antonio|francisco|manuel|pablo|diego|sergio|
giuseppe|marco|luca|giovanni|francesco|matteo|andrea|alessandro|paolo|
jean|pierre|jacques|michel|philippe|nicolas|françois|francois|marine|
hans|klaus|jürgen|jurgen|wolfgang|stefan|thomas|olaf|friedrich|
wei|li|zhang|xi|hiroshi|yuki|kim|raj|rahul|amit|priya|narendra|
`)...)

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(strings.ReplaceAll(s, "\n", ""), "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
