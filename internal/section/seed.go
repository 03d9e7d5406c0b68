package section

// seedWords are content words typical of each section in the five languages, learned as
// one small document per section before anything else. They give a new deployment a
// classifier on the first article, before the rules have placed any, and keep a section
// its rules rarely reach (Health, Politics) from being unknown to the model. Real articles
// outweigh them within a few hundred: each section's list counts as seedDocs documents.
// Measured on the demo (leave-one-out) and the headline corpus, ten documents did better
// than one or three on both (0.521 → 0.542, 0.586 → 0.597).
const seedDocs = 10

var seedWords = map[Section]string{
	World: `war ceasefire embassy diplomat diplomats united nations summit refugees border troops sanctions
		foreign minister president treaty nato crisis
		krieg waffenruhe botschaft diplomaten vereinte nationen gipfel flüchtlinge grenze truppen sanktionen
		guerre cessez-le-feu ambassade diplomates nations unies sommet réfugiés frontière troupes sanctions
		guerra alto el fuego embajada diplomáticos naciones unidas cumbre refugiados frontera tropas sanciones
		guerra cessate il fuoco ambasciata diplomatici nazioni unite vertice rifugiati confine truppe sanzioni`,
	Business: `company companies shares stock market investors profit revenue sales economy inflation interest rates bank
		prices jobs chief executive merger deal customers recall
		unternehmen aktien börse anleger gewinn umsatz wirtschaft inflation zinsen bank preise arbeitsplätze konzern
		entreprise actions bourse investisseurs bénéfice chiffre affaires économie inflation taux banque prix emplois
		empresa acciones bolsa inversores beneficio ventas economía inflación tipos banco precios empleo
		azienda azioni borsa investitori utile fatturato economia inflazione tassi banca prezzi lavoro`,
	Technology: `technology software app apps smartphone phone computer internet data online digital chip chips
		artificial intelligence startup device devices battery users hackers update
		technik software handy computer internet daten digital künstliche intelligenz gerät geräte nutzer akku
		technologie logiciel téléphone ordinateur internet données numérique intelligence artificielle appareil utilisateurs
		tecnología teléfono ordenador internet datos digital inteligencia artificial dispositivo usuarios
		tecnologia telefono computer internet dati digitale intelligenza artificiale dispositivo utenti`,
	Science: `scientists researchers study research species fossil climate space nasa planet telescope satellite
		discovery university laboratory physics biology
		wissenschaftler forscher studie forschung arten fossil klima weltraum planet teleskop satellit entdeckung
		scientifiques chercheurs étude recherche espèce fossile climat espace planète télescope satellite découverte
		científicos investigadores estudio investigación especie fósil clima espacio planeta telescopio satélite
		scienziati ricercatori studio ricerca specie fossile clima spazio pianeta telescopio satellite scoperta`,
	Health: `health hospital hospitals doctors doctor patients patient disease vaccine virus cancer treatment medical nurses
		drug drugs mental outbreak
		gesundheit krankenhaus klinik ärzte arzt patienten krankheit impfstoff virus krebs behandlung pflege
		santé hôpital médecins médecin patients maladie vaccin virus cancer traitement infirmières
		salud hospital médicos médico pacientes enfermedad vacuna virus cáncer tratamiento enfermeras
		salute ospedale medici medico pazienti malattia vaccino virus cancro cura infermieri`,
	Sport: `match goal goals coach team league cup final season players player win victory championship tournament
		stadium striker goalkeeper race marathon
		spiel tor tore trainer mannschaft liga pokal finale saison spieler sieg meisterschaft stadion
		match but buts entraîneur équipe championnat coupe finale saison joueurs victoire stade
		partido gol goles entrenador equipo liga copa final temporada jugadores victoria estadio
		partita gol allenatore squadra campionato coppa finale stagione giocatori vittoria stadio`,
	Entertainment: `film films movie actor actress music album singer band concert festival series show television
		theatre museum exhibition artist book novel
		film schauspieler schauspielerin musik album sänger konzert festival serie theater museum ausstellung künstler buch
		film acteur actrice musique album chanteur concert festival série théâtre musée exposition artiste livre
		película actor actriz música álbum cantante concierto festival serie teatro museo exposición artista libro
		film attore attrice musica album cantante concerto festival serie teatro museo mostra artista libro`,
	Politics: `government minister parliament election elections vote voters party parties president senate congress law
		bill opposition campaign policy
		regierung minister parlament wahl wahlen abstimmung wähler partei parteien kanzler gesetz opposition
		gouvernement ministre parlement élection élections vote électeurs parti partis loi opposition
		gobierno ministro parlamento elección elecciones voto votantes partido partidos ley oposición
		governo ministro parlamento elezioni voto elettori partito partiti legge opposizione`,
	Local: `council county town mayor residents neighbourhood neighborhood local road school library police street park
		village community
		stadtrat gemeinde stadt bürgermeister anwohner straße schule bibliothek polizei dorf
		conseil municipal commune ville maire habitants quartier rue école bibliothèque police village
		ayuntamiento municipio ciudad alcalde vecinos barrio calle escuela biblioteca policía pueblo
		consiglio comunale comune città sindaco residenti quartiere strada scuola biblioteca polizia paese`,
}
