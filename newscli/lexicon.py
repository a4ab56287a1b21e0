"""Every word list newscli's rules read, once each, in numbered sections named for what
they hold: speech cues, grammar, people, organisations and documents, dates, stop words, and
the sentence splitter's abbreviations, and the words of sports copy.

A word may stand in two lists on purpose: each list serves one test, and where two overlap
the overlap is documented beside the list and pinned by tests/test_lexicon.py (which also
fails on a word repeated inside a list). The entity tagger's feature lists stay in
`newscli.ner.train`: they are part of the trained model, and changing them means
retraining it.
"""


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a list; tests/test_lexicon.py reads every call."""
    return frozenset(text.split())


### 1. SPEECH: verbs that put words in a speaker's mouth

#: speech cues, in the forms that attribute: "said", "told", "insisting"
CUES = _words(
    """say said says saying tell told tells telling add added adds adding insist insisted insists
    insisting echo echoed echoes echoing ask asked asks asking write wrote writes writing
    explain explained explains explaining note noted notes noting state stated stating declare
    declared declares declaring respond responded responds responding reply replied replies
    replying continue continued continues continuing tweet tweeted tweets tweeting argue argued
    argues arguing claim claimed claims claiming warn warned warns warning recall recalled
    recalls recalling announce announced announces announcing acknowledge acknowledged
    acknowledges acknowledging admit admitted admits admitting agree agreed agrees agreeing
    observe observed observes observing suggest suggested suggests suggesting stress stressed
    stresses stressing emphasize emphasized emphasizes emphasised complain complained complains
    complaining caution cautioned cautions concede conceded concedes remark remarked remarks
    report reported reports reporting testify testified testifies post posted posts quip quipped
    joke joked jokes urge urged urges predict predicted predicts predicting promising vowing
    urging pledging shout shouted shouts yell yelled cry cried cries scream screamed screams
    chant chanted chants roar roared whisper whispered maintain maintained maintains counter
    countered counters confirm confirmed confirms reveal revealed reveals describe described
    describes describing call called calls calling conclude concluded concludes concluding
    mention mentioned mentions boast boasted boasts vow vowed vows pledge pledged opine opined
    opines demur demurred promise promised promises threaten threatened laugh laughed read
    exclaim exclaimed charge charged point pointed chime chimed interject interjected retort
    retorted snap snapped scoff scoffed hit demand demanded reads wonder wondered wonders assure
    assured assures remember remembered remembers allege alleged alleges label labeled labelled
    labels dub dubbed dubs term termed brand branded blast blasted blasts slam slammed slams
    criticize criticized criticizes criticise criticised praise praised praises lament lamented
    laments brag bragged brags tout touted touts accuse accused accuses mock mocked mocks
    dismiss dismissed dismisses decry decried decries denounce denounced denounces condemn
    condemned condemns hail hailed hails defend defended defends deny denied denies assert
    asserted asserts quote quoted quotes contend contended contends contending protest protested
    protests snipe sniped snipes recount recounted recounts muse mused muses fume fumed fumes
    gush gushed gushes yelling shouting screaming chanting whispering joking quipping
    bragging pleading pleaded pleads proclaim proclaimed proclaims proclaiming remarking emailed
    bark barked barks exhort exhorted exhorts riff riffed riffs bellow bellowed thunder thundered
    sneer sneered reiterate reiterated reiterates reiterating concur concurred marvel marveled
    marvelled grumble grumbled mutter muttered"""
)
#: cues that are the bare verb, which is also a noun ("a call", "the report")
CUE_BASE_FORMS = frozenset(
    w
    for w in CUES
    if not w.endswith(("s", "ed", "ing")) and w not in {"said", "told", "wrote", "read"}
)
#: cues that are phrasal verbs, and their particle: "“Q,” chimed in Tom Brown"; all in CUES
CUE_PARTICLES = {cue: "in" for cue in _words("chime chimes chimed")}
#: cues that mark reported speech without quotation marks ("Zarif said that ..."); all in CUES
INDIRECT_CUES = _words(
    """said says told tells added adds insisted insists argued argues claimed claims warned warns
    explained explains noted notes stated announced announces acknowledged admitted suggested
    suggests stressed stresses maintained maintains conceded concedes predicted predicts
    confirmed confirms"""
)
#: verbs that take a quoted phrase as their object ("blamed it on “knuckleheaded
#: politicians”"); "tout touts touted" are in CUES as well, "touting" only here
PHRASE_VERBS = _words(
    """talk talks talked talking speak speaks spoke speaking question questions questioned
    questioning blame blames blamed blaming chide chides chided chiding bemoan bemoans bemoaned
    credit credits credited crediting deem deems deemed deeming promote promotes promoted
    promoting tout touts touted touting hammer hammers hammered hammering portray portrays
    portrayed portraying cite cites cited citing invoke invokes invoked invoking pitch pitches
    pitched pitching rail rails railed railing comment comments commented commenting imply
    implies implied implying refer refers referred referring reference references referenced
    referencing propose proposes proposed proposing characterize characterizes characterized
    characterizing characterise characterised deride derides derided insult insults insulted
    grouse groused knock knocks knocked intimate intimated boasting dubbing labeling labelling
    branding terming decrying denouncing hailing slamming blasting mocking praising criticizing
    accusing defending denying"""
)
#: cues whose object is who listens ("told Congress: “Q”"), never a speaker; all in CUES
TO_LISTENERS = _words("told tell tells asked ask asks")
#: the cues of TO_LISTENERS that never come before their speaker: '“Q,” asked Smith' but
#: not '“Q,” told Smith' ('“Q,” an aide told POLITICO': who listened)
TELL_FORMS = _words("told tell tells")
#: cues that name as much as they quote: "a show called “Brokers”" is a title; all in CUES
NAMING_CUES = _words(
    "call calls called dub dubbed dubs term termed label labeled labelled brand branded"
)
#: "as Milbank puts it": a cue only before "it"; "put" is in IRREGULAR_PAST too
PUT_FORMS = _words("put puts")
#: past tenses of verbs a speaker "shot back" or "cut in" with
IRREGULAR_PAST = _words("shot spoke went began cut put broke threw gave got came")

### 2. GRAMMAR: the function words read around a cue

#: forms of "be": "was charged" is passive, "is insisting" progressive
BE_FORMS = _words("is are was were be been being")
#: the verb of "he’s", "they’re", "I’m" once read apart from the pronoun
CONTRACTED_BE = _words("’s 's ’re 're ’m 'm")
#: words that stand between a speaker and the cue ("Zarif also said", "Trump has said"): true
#: adverbs and the auxiliaries "will would has had have did does could", which sit there the
#: same way. "will would could did does also then later" are in BARE_FORM_SUBJECTS too, where
#: they are what a bare verb form follows ("will add")
ADVERBS = _words(
    """also later then previously again once further simply recently earlier quickly flatly bluntly
    angrily repeatedly publicly privately separately last will would has had have did does could"""
)
#: what a bare cue form follows as a verb, not a noun ("they say", "will add"): subject
#: pronouns, modals, auxiliaries
BARE_FORM_SUBJECTS = _words(
    """i we they you will would could should might may must can did do does to not n’t n't also
    then later"""
)
#: pronouns that may be a speaker
SUBJECT_PRONOUNS = _words("he she they i we it")
#: words that never are a speaker, though "it" may be one right before a cue ("It
#: continued: “Q”")
NOT_SPEAKERS = _words("it this that there what which who")
#: words that open a noun phrase: "the minister", "his office"
DETERMINERS = _words("the a an another one this that its his her their")
#: determiners after "one of", "some of": "one of those advisers"
OF_DETERMINERS = _words("the those these his her their its our whose")
#: "one of those advisers", "some of his aides"
PARTITIVES = _words("one some two three several many most each none")
#: prepositions that open a phrase of place or time; all in FUNCTION_WORDS
PREPOSITIONS = _words("on in at of for to with by from during after before about into over under")
#: words that start a phrase after a cue but never a speaker's description
FUNCTION_WORDS = _words(
    """on in at of for to with by from during after before about as and but or that this these
    those into over under not no so than then there here when while where if because since until
    without against among between through despite"""
)
#: what ends a speaker's description after a cue, looked up in one set
CUES_AND_FUNCTION_WORDS = CUES | FUNCTION_WORDS
#: "When Trump incites violence with his “Q” remark": the subject of a subordinate clause
SUBORDINATORS = _words("when while as if because though although after before since")
#: capitalised at a sentence start but no part of a name: "But Ayatollah Ali Khameni said"
LEADING_FILLERS = _words(
    """but and or so yet then now still also when while after before as if because though although
    meanwhile however in on at both like unlike"""
)
#: ", who heads the agency,", ", the head of X,", ", at a town hall,": the first words of a
#: phrase set off after a name
APPOSITIVE_OPENERS = _words(
    """who whose which a an the one its his her their of from at in on during for"""
)

### 3. PEOPLE: titles, roles and the nouns for people who speak

#: capitalised words that are titles or roles when they come before a name
TITLE_WORDS = _words(
    """president vice ayatollah supreme leader foreign prime minister secretary senator sen rep
    representative gov governor mayor gen general col colonel lt lieutenant sgt sergeant adm
    admiral cmdr commander chancellor king queen prince princess pope dr mr mrs ms miss judge
    justice chief director chairman chairwoman chair ambassador commissioner speaker sheikh imam
    rabbi rev reverend father sister coach officer detective sheriff attorney spokesman
    spokeswoman spokesperson professor prof deputy defense defence state interior finance health
    education energy trade labor labour home first lady sir dame lord captain capt major maj
    premier emir crown grand executive ceo cfo founder democrat republican democratic sens reps
    govs"""
)
#: lowercase role nouns that may stand right before a name ("correspondent Elizabeth Palmer");
#: many are in TITLE_WORDS too, which reads the same words capitalised before a name
ROLE_NOUNS = _words(
    """correspondent reporter spokesman spokeswoman spokesperson minister official analyst adviser
    advisor director president chairman secretary leader candidate lawmaker senator governor
    mayor commander general professor lawyer attorney economist researcher editor columnist
    commentator host anchor activist founder chief executive manager owner strategist pollster
    aide envoy diplomat ambassador judge prosecutor coach player nominee rival challenger
    councilman councilwoman striker midfielder defender goalkeeper keeper winger captain skipper
    batsman bowler jockey trainer"""
)
#: what a role's abbreviations and titles are called in running text ("Sen. Marco Rubio" is
#: "the senator"; "Rep. Nancy Pelosi" "the congresswoman")
ROLE_SYNONYMS = {
    "sen.": ("senator", "lawmaker"),
    "senator": ("lawmaker",),
    "rep.": ("representative", "congressman", "congresswoman", "lawmaker"),
    "representative": ("congressman", "congresswoman", "lawmaker"),
    "congressman": ("lawmaker",),
    "congresswoman": ("lawmaker",),
    "gov.": ("governor",),
    "gen.": ("general",),
    "lt.": ("lieutenant",),
    "sec.": ("secretary",),
    "pres.": ("president",),
    "atty.": ("attorney",),
    "prof.": ("professor",),
    "dr.": ("doctor",),
}
#: nouns for people and bodies that speak ("federal prosecutors", "the newspaper"), beside
#: ROLE_NOUNS; "spokesman spokeswoman official candidate nominee aide" are in both, as a
#: speaker after a determiner and as a role before a name
NOUN_SPEAKERS = _words(
    """newspaper paper statement report officials official police campaign spokesman spokeswoman
    ministry government agency department company group source sources person man woman people
    voter voters resident residents supporter supporters critic critics user users member
    members tycoon candidate nominee aide aides expert experts staffer staffers percent
    businessman businesswoman veteran veterans"""
) | _words(
    # the people news quotes by what they do ("a nurse from Manchester told the BBC")
    """teacher teachers nurse nurses doctor doctors surgeon surgeons student students pupil
    pupils worker workers employee employees officer officers farmer farmers driver drivers
    parent parents fan fans witness witnesses victim victims survivor survivors patient patients
    customer customers passenger passengers shopper shoppers soldier soldiers pilot pilots
    scientist scientists engineer engineers shopkeeper shopkeepers trader traders investor
    investors banker bankers firefighter firefighters paramedic paramedics midwife midwives
    miner miners fisherman fishermen pensioner pensioners homeowner homeowners tenant tenants
    landlord landlords volunteer volunteers campaigner campaigners protester protesters
    demonstrator demonstrators villager villagers local locals chef chefs artist artists author
    authors writer writers musician musicians singer singers actor actors actress organiser
    organisers organizer organizers"""
)
#: people someone is close to, who speak of them: "his childhood friend told", "his wife said"
RELATION_NOUNS = _words(
    """friend friends wife husband partner colleague colleagues son daughter mother father
    brother sister niece nephew cousin neighbor neighbour"""
)
#: every noun for people who speak
SPEAKING_NOUNS = ROLE_NOUNS | NOUN_SPEAKERS
#: participles that describe a person ("said retired Army Lt. Gen. Mick Bednarek")
DESCRIBING_PARTICIPLES = _words(
    """retired embattled disgraced ousted jailed indicted elected appointed acclaimed"""
)
#: titles and words for men, which make a person (or a description: "the man") "he"
MALE_TITLES = _words(
    """mr mr. sir lord king prince father brother spokesman chairman congressman councilman
    businessman sheikh emir ayatollah pope man husband son boy grandfather uncle nephew widower
    dad boyfriend policeman"""
)
#: titles and words for women, which make a person (or a description: "the woman") "she"
FEMALE_TITLES = _words(
    """mrs mrs. ms ms. miss madam dame lady queen princess mother sister spokeswoman chairwoman
    congresswoman councilwoman businesswoman first-lady woman wife daughter girl grandmother
    aunt niece widow mom girlfriend policewoman actress"""
)
#: places whose names end like a nationality ("-ian", "-i") but are not one
NOT_NATIONALITIES = _words("mississippi hawaii delhi helsinki nairobi mumbai")

### 4. ORGANISATIONS AND DOCUMENTS

#: "the company said": nouns that refer back to the last organisation named
ORGANISATION_NOUNS = _words(
    """company firm airline carrier group agency ministry department bank party union government
    campaign committee council club team university hospital school network newspaper channel
    station court organisation organization charity"""
)
#: what follows a company's name in full ("Pirelli SpA", "Cofinec S.A."), lowercase, no final dot
COMPANY_SUFFIXES = _words(
    """inc corp corporation co ltd llc plc sa s.a spa s.p.a ag nv n.v bv ab asa oyj gmbh kk
    bhd pty holdings group"""
)
#: the last words of bodies' names beyond ORGANISATION_NOUNS that say what kind of body they
#: are, so that a name ending in one is not a body of another kind ("South Wales Police" is
#: not "the bank"); not "office": "the government" may be the Home Office
BODY_KIND_WORDS = _words(
    "police service force authority commission church museum institute college"
)
#: the last words of bodies' names beyond ORGANISATION_NOUNS, which say what kind of body it
#: is ("the Royal Bank of Scotland", "South Wales Police")
BODY_WORDS = BODY_KIND_WORDS | _words(
    """society association foundation academy office trust fund center centre house board
    federation league bureau council court"""
)
#: titles of people named by a place ("the Bishop of Durham", "the Labour MP for Birkenhead")
TITLES_OF_PLACES = _words(
    "bishop archbishop mp mep msp duke duchess earl baron baroness marquess viscount countess"
)
#: what people issue, whose "saying" is theirs
DOCUMENTS = _words(
    "statement letter release report email memo message post tweet video ad note transcript excerpt"
)

### 5. DATES

#: capitalised, but no one who speaks ("released a statement Wednesday saying")
DATE_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december"""
)

### 6. STOP WORDS

#: function words and news boilerplate: left out when sentences are compared by vocabulary,
#: and never a surname or part of a lowercase role
STOPWORDS = _words(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according may might must shall us mr mrs ms one two new like get got go
    going make made many much s t re ve ll d n't cnn"""
)

### 7. ABBREVIATIONS: what a period after them means to the sentence splitter

#: titles and honorifics: always followed by a name, never sentence-final
TITLE_ABBREVIATIONS = _words(
    """mr mrs ms messrs mmes dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig sen rep gov
    pres supt insp det atty amb rev fr msgr hon st mt ft sra srta dra dña hr sig sigg dott dhr
    mevr"""
)
#: followed by a number: "No. 5", "Jan. 8", "pp. 12", "Fig. 3"; the months are in
#: AMBIGUOUS_ABBREVIATIONS too, for when no number follows ("since Jan. The")
NUMBER_ABBREVIATIONS = _words(
    """no nos vol vols pp p fig figs art sec ch para op ed eds jan feb mar apr jun jul aug sep sept
    oct nov dec approx est nr ca"""
)
#: never sentence-final in running news text
INNER_ABBREVIATIONS = _words("e.g i.e cf vs viz incl esp vgl bzw")
#: after an ordinal number ("am 3. Oktober", "im 19. Jahrhundert", "in der 89. Minute"):
#: German writes ordinals as a number and a period, and capitalises the noun that follows,
#: so the period would end the sentence; these are the nouns news puts there
ORDINAL_NOUNS = _words(
    """januar jänner februar feber märz april mai juni juli august september oktober november
    dezember jahrhundert jahrhunderts jahrtausend jahrtausends platz mal runde spieltag liga
    bundesliga stock klasse weltkrieg weltkriegs geburtstag jahrestag todestag etappe halbzeit
    minute parteitag legislaturperiode"""
)
#: may end a sentence; they do when a sentence opener follows
AMBIGUOUS_ABBREVIATIONS = _words(
    """inc co corp ltd llc plc bros jr sr etc dept univ assn ave blvd rd hwy jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun mio mrd"""
)
#: words that commonly open a sentence and rarely follow "U.S." or "Inc." mid-sentence
SENTENCE_OPENERS = _words(
    """a an the he she it they we i you his her its their our my your this that these those there
    here in on at for but and or so yet if when while after before as since because although
    though however meanwhile still also then now today yesterday tomorrow last some many most
    all both each every one no not nor what who whom whose where why how which according during
    under over with without from by to despite instead earlier later such other another more few
    several only even just never once asked officials police nevertheless moreover furthermore
    indeed thus hence again until unless whether overall altogether image photo"""
)

### 8. SPORTS: the words of sports copy, where towns name clubs

#: words only sports copy uses
SPORTS_WORDS = _words(
    """soccer football cricket baseball basketball rugby tennis golf hockey cycling boxing
    athletics league cup championship championships tournament match matches innings wickets
    wicket goal goals striker midfielder defender goalkeeper halftime half-time standings
    fixture fixtures quarter-final semi-final quarter-finals semi-finals club clubs inning
    pitcher homer homers batsman bowler stadium"""
)
#: words sports copy shares with politics ("won", "defeat", "race"): weaker evidence
SPORTS_WORDS_TOO = _words(
    """beat beats drew draw win wins won victory defeat defeated points title champion champions
    final season team teams coach game games race lost played runs scored"""
)
#: nations of Britain that field national sides, though no country in ISO 3166
HOME_NATIONS = _words("england scotland wales ireland")
#: a place after them is where a game is played or a story filed, not a side
VENUE_PREPOSITIONS = _words("in at near from of to")

# --- Quotations in other languages ---
### 9. QUOTATIONS IN OTHER LANGUAGES: German, French, Spanish, Italian, Portuguese, Dutch
# One named list per language and kind, gathered per language in QUOTATION_WORDS, which
# `newscli.analysis.quotes.languages` reads. Speech verbs are listed in the forms that
# attribute (present, past, participle); roles in their male or common form, and apart in
# their female form, which says whom "sie", "elle", "ella" may refer to.

#: German speech verbs: "sagte Müller", "so die Ministerin", "Müller hat gesagt"
GERMAN_SPEECH_VERBS = _words(
    """sagte sagten sagt sagen gesagt erklärte erklärten erklärt betonte betonten betont
    meinte meint gemeint fügte fügt hinzugefügt ergänzte ergänzt kritisierte kritisiert warnte
    warnt gewarnt forderte fordert gefordert räumte räumt eingeräumt versicherte versichert
    bekräftigte bekräftigt unterstrich unterstreicht unterstrichen berichtete berichtet teilte
    teilt mitgeteilt verkündete verkündet kündigte kündigt angekündigt stellte stellt
    klargestellt äußerte äußert geäußert antwortete antwortet geantwortet erläuterte erläutert
    schrieb schreibt geschrieben rief ruft gerufen mahnte mahnt gemahnt beklagte beklagt lobte
    lobt gelobt versprach verspricht versprochen bestätigte bestätigt sprach spricht erzählte
    erzählt erinnerte erinnert"""
)
#: French speech verbs: "a déclaré le ministre", "affirme-t-elle", "selon"
FRENCH_SPEECH_VERBS = _words(
    """dit déclaré déclare déclarait affirmé affirme affirmait estimé estime estimait ajouté
    ajoute ajoutait expliqué explique expliquait souligné souligne soulignait précisé précise
    précisait indiqué indique indiquait assuré assure assurait insisté insiste martelé martèle
    lancé lance confié confie poursuivi poursuit répondu répond réagi réagit averti avertit
    prévenu prévient regretté regrette dénoncé dénonce reconnu reconnaît annoncé annonce
    raconté raconte résumé résume commenté commente jugé juge rappelé rappelle observé observe
    noté note écrit écrivait déplore déploré insistait confirmé confirme qualifié qualifie
    recommandé recommande"""
)
#: Spanish speech verbs: "dijo la ministra", "ha declarado el alcalde"
SPANISH_SPEECH_VERBS = _words(
    """dijo dice dijeron decía dicho afirmó afirma afirmaron afirmado señaló señala señalaron
    señalado explicó explica explicaron explicado declaró declara declararon declarado aseguró
    asegura aseguraron asegurado añadió añade añadieron añadido indicó indica indicado subrayó
    subraya subrayado destacó destaca destacado insistió insiste insistido manifestó manifiesta
    manifestado advirtió advierte advertido apuntó apunta apuntado sostuvo sostiene sostenido
    recalcó recalca recalcado reconoció reconoce reconocido agregó agrega agregado comentó
    comenta comentado criticó critica lamentó lamenta lamentado respondió responde respondido
    anunció anuncia anunciado precisó precisa precisado escribió escribe escrito calificó
    califica calificado recomendó recomienda recomendado contó denunció denuncia denunciado
    recordó recuerda recordado"""
)
#: Italian speech verbs: "ha detto il sindaco", "spiega", "dichiara"
ITALIAN_SPEECH_VERBS = _words(
    """detto dice disse dicono dichiarato dichiara dichiarò spiegato spiega spiegò aggiunto
    aggiunge aggiunse affermato afferma affermò sottolineato sottolinea sottolineò commentato
    commenta commentò ribadito ribadisce ribadì precisato precisa precisò osservato osserva
    assicurato assicura annunciato annuncia replicato replica replicò spiegano sottolineano
    evidenziato evidenzia avvertito avverte denunciato denuncia insistito insiste scritto scrive
    confermato conferma ammesso ammette rimarcato rimarca concluso conclude raccontato racconta
    definito definisce raccomandato raccomanda riferito riferisce lamenta lamentato ricorda
    ricordato"""
)
#: Portuguese speech verbs: "disse o presidente", "afirmou a ministra"
PORTUGUESE_SPEECH_VERBS = _words(
    """disse diz disseram dizia dito afirmou afirma afirmaram afirmado declarou declara
    declararam declarado explicou explica explicaram explicado acrescentou acrescenta
    acrescentaram sublinhou sublinha salientou salienta destacou destaca defendeu defende
    garantiu garante assegurou assegura referiu refere referiram considerou considera
    sustentou sustenta adiantou adianta frisou frisa advertiu adverte alertou alerta
    reconheceu reconhece respondeu responde criticou critica lamentou lamenta anunciou anuncia
    insistiu insiste escreveu escreve comentou comenta reiterou reitera apontou aponta
    classificou classifica recomendou recomenda contou conta denunciou denuncia lembrou
    lembra recordou recorda"""
)
#: Dutch speech verbs: "zei de minister", "aldus Rutte", "zegt Jansen"
DUTCH_SPEECH_VERBS = _words(
    """zei zeiden zegt zeggen gezegd verklaarde verklaart verklaard stelde stelt gesteld
    benadrukte benadrukt legde legt uitgelegd voegde voegt toegevoegd reageerde reageert
    gereageerd waarschuwde waarschuwt gewaarschuwd liet laat weten meldde meldt gemeld schreef
    schrijft geschreven antwoordde antwoordt geantwoord vertelde vertelt verteld erkende erkent
    erkend onderstreepte onderstreept beloofde belooft beloofd riep roept opgeroepen
    concludeerde concludeert bevestigde bevestigt bevestigd noemde noemt genoemd adviseerde
    adviseert herinnerde"""
)

#: auxiliaries of a past tense with a participle: "a déclaré", "ha detto", "hat gesagt"
GERMAN_AUXILIARIES = _words("hat haben hatte hatten")
FRENCH_AUXILIARIES = _words("a ont avait avaient")
SPANISH_AUXILIARIES = _words("ha han había habían")
ITALIAN_AUXILIARIES = _words("ha hanno aveva avevano è")
PORTUGUESE_AUXILIARIES = _words("tem têm tinha tinham")
DUTCH_AUXILIARIES = _words("heeft hebben had hadden")

#: cues that attribute only after a quotation: "„…“, so Müller", "‘…’, aldus Rutte"
GERMAN_POSTPOSED_CUES = _words("so")
DUTCH_POSTPOSED_CUES = _words("aldus")

#: words that attribute what follows or precedes to the person after them: "laut Müller"
GERMAN_ATTRIBUTING_PREPOSITIONS = _words("laut")
#: words that attribute to the person before them: "der Ministerin zufolge"
GERMAN_ATTRIBUTING_POSTPOSITIONS = _words("zufolge")
FRENCH_ATTRIBUTING_PREPOSITIONS = _words("selon d'après d’après")
SPANISH_ATTRIBUTING_PREPOSITIONS = _words("según")
ITALIAN_ATTRIBUTING_PREPOSITIONS = _words("secondo")
PORTUGUESE_ATTRIBUTING_PREPOSITIONS = _words("segundo conforme")
DUTCH_ATTRIBUTING_PREPOSITIONS = _words("volgens")

#: roles in their male or common form; in German and Dutch also the end of a compound
#: ("Bundesfinanzminister", "partijwoordvoerder")
GERMAN_ROLES = _words(
    """bundeskanzler kanzler minister bundesminister präsident bundespräsident
    ministerpräsident bürgermeister oberbürgermeister sprecher regierungssprecher vorsitzende
    vorsitzender chef parteichef fraktionschef trainer abgeordnete abgeordneter direktor
    experte ökonom staatssekretär generalsekretär botschafter richter staatsanwalt
    polizeisprecher landrat senator bischof geschäftsführer vorstandschef gewerkschaftschef
    kommissar oberst intendant leiter"""
)
GERMAN_FEMALE_ROLES = _words(
    """bundeskanzlerin kanzlerin ministerin bundesministerin präsidentin bundespräsidentin
    ministerpräsidentin bürgermeisterin oberbürgermeisterin sprecherin regierungssprecherin
    chefin parteichefin fraktionschefin trainerin direktorin expertin ökonomin
    staatssekretärin generalsekretärin botschafterin richterin staatsanwältin
    polizeisprecherin landrätin senatorin geschäftsführerin vorstandschefin
    gewerkschaftschefin kommissarin intendantin leiterin"""
)
FRENCH_ROLES = _words(
    """ministre président premier maire porte-parole secrétaire député sénateur directeur
    patron chef procureur juge ambassadeur entraîneur sélectionneur candidat dirigeant
    commissaire économiste expert responsable préfet syndicaliste avocat chercheur délégué
    conseiller"""
)
FRENCH_FEMALE_ROLES = _words(
    """présidente première mairesse députée sénatrice directrice patronne procureure
    ambassadrice entraîneuse candidate dirigeante experte préfète avocate chercheuse déléguée
    conseillère"""
)
SPANISH_ROLES = _words(
    """presidente ministro alcalde portavoz secretario vicepresidente diputado senador director
    consejero delegado jefe fiscal juez embajador entrenador seleccionador candidato dirigente
    líder comisario economista experto responsable gobernador abogado analista sindicalista
    concejal"""
)
SPANISH_FEMALE_ROLES = _words(
    """presidenta ministra alcaldesa secretaria vicepresidenta diputada senadora directora
    consejera delegada jefa fiscala jueza embajadora entrenadora seleccionadora candidata
    comisaria experta gobernadora abogada concejala"""
)
ITALIAN_ROLES = _words(
    """presidente ministro sindaco portavoce segretario vicepremier premier deputato senatore
    direttore amministratore delegato capo procuratore giudice ambasciatore allenatore ct
    candidato leader commissario economista esperto responsabile governatore assessore
    avvocato analista sindacalista prefetto consigliere"""
)
ITALIAN_FEMALE_ROLES = _words(
    """presidentessa ministra sindaca segretaria deputata senatrice direttrice amministratrice
    delegata procuratrice ambasciatrice allenatrice candidata commissaria esperta governatrice
    assessora avvocata consigliera"""
)
PORTUGUESE_ROLES = _words(
    """presidente ministro primeiro-ministro autarca porta-voz secretário deputado senador
    diretor administrador executivo chefe procurador juiz embaixador treinador selecionador
    candidato líder dirigente comissário economista especialista responsável governador
    advogado analista sindicalista vereador bastonário comandante diretor-geral coordenador"""
)
PORTUGUESE_FEMALE_ROLES = _words(
    """presidenta ministra primeira-ministra secretária deputada senadora diretora
    administradora executiva procuradora juíza embaixadora treinadora candidata comissária
    governadora advogada vereadora bastonária diretora-geral coordenadora"""
)
DUTCH_ROLES = _words(
    """minister premier minister-president burgemeester woordvoerder staatssecretaris voorzitter
    fractievoorzitter partijleider directeur topman bestuurder wethouder kamerlid
    europarlementariër officier rechter ambassadeur trainer bondscoach hoogleraar econoom
    deskundige advocaat onderzoeker commissaris gouverneur dijkgraaf"""
)
DUTCH_FEMALE_ROLES = _words(
    """woordvoerster voorzitster directrice bestuurster trainster advocate onderzoekster
    topvrouw"""
)

#: titles before a name: "Frau Müller", "Mme Dupont", "la señora García"
GERMAN_MALE_TITLES = _words("herr herrn dr. prof.")
GERMAN_FEMALE_TITLES = _words("frau")
FRENCH_MALE_TITLES = _words("m. monsieur me")
FRENCH_FEMALE_TITLES = _words("mme madame mlle")
SPANISH_MALE_TITLES = _words("señor sr. don")
SPANISH_FEMALE_TITLES = _words("señora sra. doña")
ITALIAN_MALE_TITLES = _words("signor sig. don")
ITALIAN_FEMALE_TITLES = _words("signora sig.ra")
PORTUGUESE_MALE_TITLES = _words("senhor sr. dom")
PORTUGUESE_FEMALE_TITLES = _words("senhora sra. dona")
DUTCH_MALE_TITLES = _words("meneer dhr. heer")
DUTCH_FEMALE_TITLES = _words("mevrouw mevr. mw.")

#: determiners before a speaker's role, and the sex the ones that have one give
GERMAN_DETERMINERS = _words(
    "der die das den dem des ein eine einer einem einen sein seine ihr ihre"
)
GERMAN_MALE_DETERMINERS = _words("der den dem ein")
GERMAN_FEMALE_DETERMINERS = _words("eine einer")
FRENCH_DETERMINERS = _words("le la l' l’ les un une du son sa leur")
FRENCH_MALE_DETERMINERS = _words("le un du")
FRENCH_FEMALE_DETERMINERS = _words("la une")
SPANISH_DETERMINERS = _words("el la los las un una del su")
SPANISH_MALE_DETERMINERS = _words("el un del")
SPANISH_FEMALE_DETERMINERS = _words("la una")
ITALIAN_DETERMINERS = _words("il lo la l' l’ i gli le un uno una un' un’ del della dello suo sua")
ITALIAN_MALE_DETERMINERS = _words("il lo un uno del dello")
ITALIAN_FEMALE_DETERMINERS = _words("la una un' un’ della")
PORTUGUESE_DETERMINERS = _words("o a os as um uma do da seu sua")
PORTUGUESE_MALE_DETERMINERS = _words("o um do")
PORTUGUESE_FEMALE_DETERMINERS = _words("a uma da")
DUTCH_DETERMINERS = _words("de het een zijn haar hun")
DUTCH_MALE_DETERMINERS = _words("")
DUTCH_FEMALE_DETERMINERS = _words("")

#: the indefinite ones, which bring someone new ("ein Sprecher"), where a definite one
#: refers back ("die SPD-Politikerin")
GERMAN_INDEFINITE_DETERMINERS = _words("ein eine einer einem einen")
FRENCH_INDEFINITE_DETERMINERS = _words("un une")
SPANISH_INDEFINITE_DETERMINERS = _words("un una")
ITALIAN_INDEFINITE_DETERMINERS = _words("un uno una un' un’")
PORTUGUESE_INDEFINITE_DETERMINERS = _words("um uma")
DUTCH_INDEFINITE_DETERMINERS = _words("een")

#: subject pronouns by the sex they refer to ("sie", "ze" are plural too)
GERMAN_MALE_PRONOUNS = _words("er")
GERMAN_FEMALE_PRONOUNS = _words("sie")
FRENCH_MALE_PRONOUNS = _words("il")
FRENCH_FEMALE_PRONOUNS = _words("elle")
SPANISH_MALE_PRONOUNS = _words("él")
SPANISH_FEMALE_PRONOUNS = _words("ella")
ITALIAN_MALE_PRONOUNS = _words("lui egli")
ITALIAN_FEMALE_PRONOUNS = _words("lei")
PORTUGUESE_MALE_PRONOUNS = _words("ele")
PORTUGUESE_FEMALE_PRONOUNS = _words("ela")
DUTCH_MALE_PRONOUNS = _words("hij")
DUTCH_FEMALE_PRONOUNS = _words("zij ze")

#: lowercase words inside a name: "Ursula von der Leyen", "Lula da Silva", "Mark van Dijk"
GERMAN_NAME_PARTICLES = _words("von der zu")
FRENCH_NAME_PARTICLES = _words("de du le la d'")
SPANISH_NAME_PARTICLES = _words("de del la y")
ITALIAN_NAME_PARTICLES = _words("di de del della da")
PORTUGUESE_NAME_PARTICLES = _words("da de do dos das e")
DUTCH_NAME_PARTICLES = _words("van de der den ter ten")

#: what joins a role to what it is of: "le ministre de l'Intérieur", "Minister für Arbeit"
GERMAN_ROLE_LINKS = _words("für des der von")
FRENCH_ROLE_LINKS = _words("de du des d'")
SPANISH_ROLE_LINKS = _words("de del")
ITALIAN_ROLE_LINKS = _words(
    "di del della dello dell' dell’ degli dei delle al alla allo all' all’ ai"
)
PORTUGUESE_ROLE_LINKS = _words("de do da dos das")
DUTCH_ROLE_LINKS = _words("van voor")

#: prepositions of a phrase between a cue and its speaker: "dijo a EFE el ministro",
#: "a déclaré à l'AFP le ministre", "sagte am Montag der Minister"
GERMAN_PREPOSITIONS = _words("am im in auf bei vor nach gegenüber mit zu zum zur an")
FRENCH_PREPOSITIONS = _words("à au aux en lors dans devant sur pour avec")
SPANISH_PREPOSITIONS = _words("a al en ante tras durante desde con para")
ITALIAN_PREPOSITIONS = _words("a al all' all’ alla ad in nel nella durante davanti con per")
PORTUGUESE_PREPOSITIONS = _words("à ao aos em no na durante perante com para")
DUTCH_PREPOSITIONS = _words("tegen tegenover in op bij tijdens na voor met aan")

#: words that may open a sentence capitalised without naming anyone
GERMAN_FUNCTION_WORDS = _words(
    """der die das den dem des ein eine einer es wir ich sie er man und aber doch auch so laut
    dies diese dieser dieses nach am im in auf bei vor mit zu für wie was wer wenn
    als dass noch nun jetzt heute gestern morgen damit denn daher deshalb trotzdem dann
    danach daraufhin später zuvor anschließend außerdem zudem"""
)
FRENCH_FUNCTION_WORDS = _words(
    """le la les un une des du de il elle ils elles on nous je et mais pour en dans à au
    selon ce cette ces c'est c’est si quand comme après avant aujourd'hui aujourd’hui hier
    mardi lundi"""
)
SPANISH_FUNCTION_WORDS = _words(
    """el la los las un una del de en a y pero para por con según este esta estos estas si
    cuando como tras hoy ayer ese esa"""
)
ITALIAN_FUNCTION_WORDS = _words(
    """il lo la i gli le un uno una del della di in a e ma per con secondo questo questa se
    quando come dopo oggi ieri"""
)
PORTUGUESE_FUNCTION_WORDS = _words(
    """o a os as um uma do da de em e mas para por com segundo este esta se quando como após
    hoje ontem"""
)
DUTCH_FUNCTION_WORDS = _words(
    """de het een en maar voor in op met volgens dit dat deze die als wanneer na vandaag
    gisteren ook er daarna toen later eerder vervolgens daarom bovendien"""
)

#: adverbs that may stand between a cue and its speaker: "disse ainda o ministro"
GERMAN_CUE_ADVERBS = _words("auch noch dann zudem weiter")
FRENCH_CUE_ADVERBS = _words("encore aussi également ensuite alors")
SPANISH_CUE_ADVERBS = _words("también además luego después")
ITALIAN_CUE_ADVERBS = _words("anche poi ancora inoltre")
PORTUGUESE_CUE_ADVERBS = _words("ainda também depois")
DUTCH_CUE_ADVERBS = _words("ook nog verder daarna")

#: weekdays and months, which may stand between a cue and its speaker
GERMAN_TIME_WORDS = _words(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april
    mai juni juli august september oktober november dezember abend morgen"""
)
FRENCH_TIME_WORDS = _words("lundi mardi mercredi jeudi vendredi samedi dimanche soir matin")
SPANISH_TIME_WORDS = _words("lunes martes miércoles jueves viernes sábado domingo")
ITALIAN_TIME_WORDS = _words("lunedì martedì mercoledì giovedì venerdì sabato domenica")
PORTUGUESE_TIME_WORDS = _words(
    """segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"""
)
DUTCH_TIME_WORDS = _words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag")

#: what opens reported speech after a speech verb: "sagte, dass", "a déclaré que"
GERMAN_COMPLEMENTIZERS = _words("dass")
FRENCH_COMPLEMENTIZERS = _words("que qu' qu’")
SPANISH_COMPLEMENTIZERS = _words("que")
ITALIAN_COMPLEMENTIZERS = _words("che")
PORTUGUESE_COMPLEMENTIZERS = _words("que")
DUTCH_COMPLEMENTIZERS = _words("dat")
#: German Konjunktiv I forms, which mark reported speech by themselves ("Er sagte, er sei
#: ..."): only the forms that differ from the indicative in the third person
GERMAN_SUBJUNCTIVE_FORMS = _words(
    """sei seien habe werde könne müsse solle wolle dürfe möge gebe komme gehe stehe liege
    wisse bleibe brauche sehe plane halte lasse trage"""
)

#: each language's lists, by what they hold
QUOTATION_WORDS = {
    "de": {
        "speech_verbs": GERMAN_SPEECH_VERBS,
        "postposed_cues": GERMAN_POSTPOSED_CUES,
        "auxiliaries": GERMAN_AUXILIARIES,
        "prepositions_attributing": GERMAN_ATTRIBUTING_PREPOSITIONS,
        "postpositions_attributing": GERMAN_ATTRIBUTING_POSTPOSITIONS,
        "roles": GERMAN_ROLES,
        "female_roles": GERMAN_FEMALE_ROLES,
        "male_titles": GERMAN_MALE_TITLES,
        "female_titles": GERMAN_FEMALE_TITLES,
        "determiners": GERMAN_DETERMINERS,
        "male_determiners": GERMAN_MALE_DETERMINERS,
        "female_determiners": GERMAN_FEMALE_DETERMINERS,
        "indefinite_determiners": GERMAN_INDEFINITE_DETERMINERS,
        "male_pronouns": GERMAN_MALE_PRONOUNS,
        "female_pronouns": GERMAN_FEMALE_PRONOUNS,
        "name_particles": GERMAN_NAME_PARTICLES,
        "role_links": GERMAN_ROLE_LINKS,
        "prepositions": GERMAN_PREPOSITIONS,
        "function_words": GERMAN_FUNCTION_WORDS,
        "time_words": GERMAN_TIME_WORDS,
        "cue_adverbs": GERMAN_CUE_ADVERBS,
        "complementizers": GERMAN_COMPLEMENTIZERS,
        "subjunctive_forms": GERMAN_SUBJUNCTIVE_FORMS,
    },
    "fr": {
        "speech_verbs": FRENCH_SPEECH_VERBS,
        "auxiliaries": FRENCH_AUXILIARIES,
        "prepositions_attributing": FRENCH_ATTRIBUTING_PREPOSITIONS,
        "roles": FRENCH_ROLES,
        "female_roles": FRENCH_FEMALE_ROLES,
        "male_titles": FRENCH_MALE_TITLES,
        "female_titles": FRENCH_FEMALE_TITLES,
        "determiners": FRENCH_DETERMINERS,
        "male_determiners": FRENCH_MALE_DETERMINERS,
        "female_determiners": FRENCH_FEMALE_DETERMINERS,
        "indefinite_determiners": FRENCH_INDEFINITE_DETERMINERS,
        "male_pronouns": FRENCH_MALE_PRONOUNS,
        "female_pronouns": FRENCH_FEMALE_PRONOUNS,
        "name_particles": FRENCH_NAME_PARTICLES,
        "role_links": FRENCH_ROLE_LINKS,
        "prepositions": FRENCH_PREPOSITIONS,
        "function_words": FRENCH_FUNCTION_WORDS,
        "time_words": FRENCH_TIME_WORDS,
        "cue_adverbs": FRENCH_CUE_ADVERBS,
        "complementizers": FRENCH_COMPLEMENTIZERS,
    },
    "es": {
        "speech_verbs": SPANISH_SPEECH_VERBS,
        "auxiliaries": SPANISH_AUXILIARIES,
        "prepositions_attributing": SPANISH_ATTRIBUTING_PREPOSITIONS,
        "roles": SPANISH_ROLES,
        "female_roles": SPANISH_FEMALE_ROLES,
        "male_titles": SPANISH_MALE_TITLES,
        "female_titles": SPANISH_FEMALE_TITLES,
        "determiners": SPANISH_DETERMINERS,
        "male_determiners": SPANISH_MALE_DETERMINERS,
        "female_determiners": SPANISH_FEMALE_DETERMINERS,
        "indefinite_determiners": SPANISH_INDEFINITE_DETERMINERS,
        "male_pronouns": SPANISH_MALE_PRONOUNS,
        "female_pronouns": SPANISH_FEMALE_PRONOUNS,
        "name_particles": SPANISH_NAME_PARTICLES,
        "role_links": SPANISH_ROLE_LINKS,
        "prepositions": SPANISH_PREPOSITIONS,
        "function_words": SPANISH_FUNCTION_WORDS,
        "time_words": SPANISH_TIME_WORDS,
        "cue_adverbs": SPANISH_CUE_ADVERBS,
        "complementizers": SPANISH_COMPLEMENTIZERS,
    },
    "it": {
        "speech_verbs": ITALIAN_SPEECH_VERBS,
        "auxiliaries": ITALIAN_AUXILIARIES,
        "prepositions_attributing": ITALIAN_ATTRIBUTING_PREPOSITIONS,
        "roles": ITALIAN_ROLES,
        "female_roles": ITALIAN_FEMALE_ROLES,
        "male_titles": ITALIAN_MALE_TITLES,
        "female_titles": ITALIAN_FEMALE_TITLES,
        "determiners": ITALIAN_DETERMINERS,
        "male_determiners": ITALIAN_MALE_DETERMINERS,
        "female_determiners": ITALIAN_FEMALE_DETERMINERS,
        "indefinite_determiners": ITALIAN_INDEFINITE_DETERMINERS,
        "male_pronouns": ITALIAN_MALE_PRONOUNS,
        "female_pronouns": ITALIAN_FEMALE_PRONOUNS,
        "name_particles": ITALIAN_NAME_PARTICLES,
        "role_links": ITALIAN_ROLE_LINKS,
        "prepositions": ITALIAN_PREPOSITIONS,
        "function_words": ITALIAN_FUNCTION_WORDS,
        "time_words": ITALIAN_TIME_WORDS,
        "cue_adverbs": ITALIAN_CUE_ADVERBS,
        "complementizers": ITALIAN_COMPLEMENTIZERS,
    },
    "pt": {
        "speech_verbs": PORTUGUESE_SPEECH_VERBS,
        "auxiliaries": PORTUGUESE_AUXILIARIES,
        "prepositions_attributing": PORTUGUESE_ATTRIBUTING_PREPOSITIONS,
        "roles": PORTUGUESE_ROLES,
        "female_roles": PORTUGUESE_FEMALE_ROLES,
        "male_titles": PORTUGUESE_MALE_TITLES,
        "female_titles": PORTUGUESE_FEMALE_TITLES,
        "determiners": PORTUGUESE_DETERMINERS,
        "male_determiners": PORTUGUESE_MALE_DETERMINERS,
        "female_determiners": PORTUGUESE_FEMALE_DETERMINERS,
        "indefinite_determiners": PORTUGUESE_INDEFINITE_DETERMINERS,
        "male_pronouns": PORTUGUESE_MALE_PRONOUNS,
        "female_pronouns": PORTUGUESE_FEMALE_PRONOUNS,
        "name_particles": PORTUGUESE_NAME_PARTICLES,
        "role_links": PORTUGUESE_ROLE_LINKS,
        "prepositions": PORTUGUESE_PREPOSITIONS,
        "function_words": PORTUGUESE_FUNCTION_WORDS,
        "time_words": PORTUGUESE_TIME_WORDS,
        "cue_adverbs": PORTUGUESE_CUE_ADVERBS,
        "complementizers": PORTUGUESE_COMPLEMENTIZERS,
    },
    "nl": {
        "speech_verbs": DUTCH_SPEECH_VERBS,
        "postposed_cues": DUTCH_POSTPOSED_CUES,
        "auxiliaries": DUTCH_AUXILIARIES,
        "prepositions_attributing": DUTCH_ATTRIBUTING_PREPOSITIONS,
        "roles": DUTCH_ROLES,
        "female_roles": DUTCH_FEMALE_ROLES,
        "male_titles": DUTCH_MALE_TITLES,
        "female_titles": DUTCH_FEMALE_TITLES,
        "determiners": DUTCH_DETERMINERS,
        "male_determiners": DUTCH_MALE_DETERMINERS,
        "female_determiners": DUTCH_FEMALE_DETERMINERS,
        "indefinite_determiners": DUTCH_INDEFINITE_DETERMINERS,
        "male_pronouns": DUTCH_MALE_PRONOUNS,
        "female_pronouns": DUTCH_FEMALE_PRONOUNS,
        "name_particles": DUTCH_NAME_PARTICLES,
        "role_links": DUTCH_ROLE_LINKS,
        "prepositions": DUTCH_PREPOSITIONS,
        "function_words": DUTCH_FUNCTION_WORDS,
        "time_words": DUTCH_TIME_WORDS,
        "cue_adverbs": DUTCH_CUE_ADVERBS,
        "complementizers": DUTCH_COMPLEMENTIZERS,
    },
}


# --- Summaries in other languages ---

# First words of a sentence that lean on the sentence before it (the English list is
# summarize's own): third-person pronouns and possessives, demonstratives, and the
# connectives that continue an argument. A summary takes such a sentence only with the
# one before it. Articles that are also pronouns (German "das", Dutch "het") are left
# out: they open as many sentences that start afresh.

#: German: "Er sagte …", "Aber …", "Dort …"
DEPENDENT_OPENERS_DE = _words(
    """er sie es ihm ihn ihr ihnen sein seine seinen seinem seiner seines ihre ihren ihrem
    ihrer ihres dies diese dieser dieses diesen diesem dort damit dabei dazu daher deshalb
    deswegen darum danach daraufhin dennoch trotzdem jedoch aber doch allerdings auch zudem
    außerdem ebenfalls ferner überdies stattdessen hingegen dagegen indes zugleich gleichzeitig
    somit folglich demnach anschließend später und oder sondern denn"""
)
#: French: "Il a ajouté …", "Mais …", "Cette décision …"
DEPENDENT_OPENERS_FR = _words(
    """il elle ils elles lui leur leurs son sa ses ce cet cette ces cela ceci ça celui-ci
    celle-ci ceux-ci celles-ci mais cependant toutefois pourtant néanmoins aussi également
    ainsi alors donc puis ensuite enfin là et ou or sinon"""
)
#: Spanish: "Él dijo …", "Pero …", "Esta medida …"
DEPENDENT_OPENERS_ES = _words(
    """él ella ellos ellas su sus este esta estos estas esto ese esa esos esas eso aquel
    aquella aquello pero además también asimismo así entonces luego después incluso tampoco
    igualmente posteriormente allí ahí y o ni"""
)
#: Italian: "Lui ha detto …", "Ma …", "Questa decisione …"
DEPENDENT_OPENERS_IT = _words(
    """lui lei loro egli ella esso essa essi esse suo sua suoi sue questo questa questi queste
    quello quella quelli quelle ciò ma però tuttavia inoltre anche anzi quindi dunque poi
    allora infatti intanto comunque pertanto così successivamente lì là e o né"""
)
#: Portuguese: "Ele disse …", "Mas …", "Esta decisão …"
DEPENDENT_OPENERS_PT = _words(
    """ele ela eles elas seu sua seus suas este esta estes estas isto esse essa esses essas
    isso aquele aquela aquilo mas porém contudo todavia entretanto também além assim então
    depois ainda portanto lá ali e ou nem"""
)
#: Dutch: "Hij zei …", "Maar …", "Deze beslissing …"
DEPENDENT_OPENERS_NL = _words(
    """hij zij ze hem haar hun zijn dit deze die dat daar maar echter toch ook bovendien
    daarnaast daarom dus daarna vervolgens later intussen ondertussen evenwel desondanks
    verder tevens zo en of noch"""
)
#: Portuguese and Italian put an article before a possessive: "O seu irmão …", "Il suo
#: partito …" lean on the sentence before as "His brother …" does
ARTICLES_BEFORE_POSSESSIVES_PT = _words("o a os as")
ARTICLES_BEFORE_POSSESSIVES_IT = _words("il lo la i gli le")
POSSESSIVES_PT = _words("seu sua seus suas")
POSSESSIVES_IT = _words("suo sua suoi sue loro")
#: (articles, possessives) by language (ISO 639-1)
POSSESSIVE_OPENERS = {
    "pt": (ARTICLES_BEFORE_POSSESSIVES_PT, POSSESSIVES_PT),
    "it": (ARTICLES_BEFORE_POSSESSIVES_IT, POSSESSIVES_IT),
}
#: the opener lists above by language (ISO 639-1)
DEPENDENT_OPENERS = {
    "de": DEPENDENT_OPENERS_DE,
    "fr": DEPENDENT_OPENERS_FR,
    "es": DEPENDENT_OPENERS_ES,
    "it": DEPENDENT_OPENERS_IT,
    "pt": DEPENDENT_OPENERS_PT,
    "nl": DEPENDENT_OPENERS_NL,
}


# --- Entities in other languages ---
# Cue words of the entity tagger shared by other languages (`newscli.ner.languages`): each
# language's words for the bodies that name organisations and for the titles before a
# person's name. Baked into that model's lexicons at training time (the `org_word` and
# `title_word` bits), and read at run time: a capitalised name ending in a company form
# ("Siemens AG", "Telecom Italia S.p.A.") is an organisation.

#: company forms after a firm's name, in the languages of Europe (periods left out)
COMPANY_FORMS = _words(
    """gmbh ag kg kgaa se ev sa sas sarl sl slu spa srl sapa lda ltda nv bv cv vof ab asa
    as aps oy oyj doo dd sro"""
)
#: French and Italian articles and prepositions elided before a vowel ("l'Europe",
#: "dell'Unione"): a token of their own, as the treebanks write them
ELIDED_WORDS = _words(
    """l d j m n s t c qu lorsqu puisqu jusqu quoiqu presqu dell dall nell sull all coll
    quell bell sant un"""
)
#: German: the bodies whose names hold these words
ORGANISATION_WORDS_DE = _words(
    """verein partei ministerium bundesministerium bank universität hochschule institut gericht
    bundesgericht verband gewerkschaft stiftung konzern gruppe rat kommission agentur zeitung
    polizei regierung bundesregierung amt bundesamt behörde klinik"""
)
ORGANISATION_WORDS_FR = _words(
    """ministère banque université institut parti tribunal cour conseil commission agence
    association fédération syndicat fondation groupe société compagnie assemblée gouvernement
    comité office"""
)
ORGANISATION_WORDS_ES = _words(
    """ministerio banco universidad instituto partido tribunal consejo comisión agencia
    asociación federación sindicato fundación grupo sociedad compañía congreso gobierno
    ayuntamiento comité junta"""
)
ORGANISATION_WORDS_IT = _words(
    """ministero banca università istituto partito tribunale consiglio commissione agenzia
    associazione federazione sindacato fondazione gruppo società compagnia camera governo
    comune comitato procura"""
)
ORGANISATION_WORDS_PT = _words(
    """ministério banco universidade instituto partido tribunal conselho comissão agência
    associação federação sindicato fundação grupo sociedade companhia câmara governo comité
    comitê assembleia"""
)
ORGANISATION_WORDS_NL = _words(
    """ministerie bank universiteit instituut partij rechtbank raad commissie agentschap
    vereniging federatie vakbond stichting groep maatschappij kamer regering gemeente
    hogeschool politie"""
)
#: titles and roles before a person's name
TITLE_WORDS_DE = _words(
    """herr frau dr prof bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin
    minister ministerin bundespräsident bundespräsidentin bürgermeister bürgermeisterin
    ministerpräsident ministerpräsidentin sprecher sprecherin vorsitzende vorsitzender
    papst könig königin trainer"""
)
TITLE_WORDS_FR = _words(
    """m mme mlle dr président présidente ministre maire général pape roi reine porte-parole
    député députée sénateur sénatrice chancelier chancelière"""
)
TITLE_WORDS_ES = _words(
    """sr sra don doña dr presidente presidenta ministro ministra alcalde alcaldesa general
    papa rey reina portavoz diputado diputada senador senadora canciller"""
)
TITLE_WORDS_IT = _words(
    """sig signor signora dott presidente ministro ministra sindaco generale papa re regina
    portavoce deputato deputata senatore senatrice premier cancelliere"""
)
TITLE_WORDS_PT = _words(
    """sr sra dr dra presidente presidenta ministro ministra prefeito prefeita autarca general
    papa rei rainha porta-voz deputado deputada senador senadora chanceler"""
)
TITLE_WORDS_NL = _words(
    """heer mevrouw dhr mevr dr prof president minister premier burgemeester generaal paus
    koning koningin woordvoerder kanselier"""
)
#: German writes its months and weekdays capitalised, like names
DATE_WORDS_DE = _words(
    """januar februar märz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag"""
)
#: each language's lists by ISO 639-1 code
ORGANISATION_WORDS_BY_LANGUAGE = {
    "de": ORGANISATION_WORDS_DE,
    "fr": ORGANISATION_WORDS_FR,
    "es": ORGANISATION_WORDS_ES,
    "it": ORGANISATION_WORDS_IT,
    "pt": ORGANISATION_WORDS_PT,
    "nl": ORGANISATION_WORDS_NL,
}
TITLE_WORDS_BY_LANGUAGE = {
    "de": TITLE_WORDS_DE,
    "fr": TITLE_WORDS_FR,
    "es": TITLE_WORDS_ES,
    "it": TITLE_WORDS_IT,
    "pt": TITLE_WORDS_PT,
    "nl": TITLE_WORDS_NL,
}
DATE_WORDS_BY_LANGUAGE = {"de": DATE_WORDS_DE}


### 10. ENTITIES: the rules after tagging (`newscli.ner.rules`)

#: words after a name that make it a company's or a body's ("Pirelli shares", "a Harley-
#: Davidson spokeswoman", "Ericsson's chief executive", "Zycie Warszawy daily said")
ORGANISATION_CUES_AFTER = _words(
    """spokesman spokeswoman spokesperson shareholders shares chairman chairwoman subsidiary
    board daily newspaper"""
)
#: ... and before it, with the preposition between ("shares of Jones", "an analyst at
#: Salomon", "chief executive officer of Petofi"): each cue with the prepositions it takes
ORGANISATION_CUES_BEFORE = {
    "shares": _words("of in"),
    "stake": _words("in"),
    **dict.fromkeys(_words("subsidiary executive officer manager chairman"), _words("of")),
    **dict.fromkeys(_words("analyst analysts economist economists strategist"), _words("at")),
}
#: what news calls a body right before its name ("news agency Tanjug", "the daily Zycie
#: Warszawy", "mineral water firm Multico", "first division team Deportivo Coruna")
BODY_WORDS_BEFORE_NAME = _words(
    """company firm airline group agency bank newspaper daily broadcaster network club
    team side giant maker carmaker insurer publisher retailer"""
)
#: the lowercase words for a side in sports copy, which is its town's club, not a body the
#: town stands before ("a Cardiff bank")
SIDE_NOUNS = _words("club team")
#: what follows a year: "500 BC", "AD 79"
ERAS = _words("bc bce ad ce")
#: what an era may follow instead of a number: "the 5th century BC"
ERA_NOUNS = _words("century millennium")
#: all-capital words that are not names of organisations (the eras too)
NOT_ACRONYMS = _words("ceo cfo coo mp pm am tv ok id dj pc faq ap gmt est usa uk us un") | ERAS
#: company suffixes written with a period ("NationsBank Corp."), lowercase
ABBREVIATED_COMPANY_SUFFIXES = _words("inc corp co cos ltd bros")
#: words that end an organisation's name beside the tagger lexicon's organisation words
MORE_ORGANISATION_HEADS = _words("exchange daily")
#: organisation words that also end places' names ("West Bank", "Atlantic City", "Soviet
#: Union", "Central Clinical Hospital"): after a place they do not make it a body
PLACE_HEADS = _words("bank city union club hospital church school college court")
#: lowercase words inside a name its acronym skips ("Organisation for Security and ...")
NAME_JOINERS = _words("of for and the in on de du des la del & -")
#: what stands between two sides in a fixture: "Birmingham v Barnsley"
VERSUS = _words("v v. vs vs.")
#: the tokens besides names and numbers of a results or standings row
ROW_PUNCTUATION = _words("- . , ( ) : / %")
#: rulers' titles the tagger lexicon's title words lack; alone they are a role ("each Emperor")
RULERS = _words("emperor empress tsar tsarina czar kaiser sultan pharaoh")
#: what may follow a ruler's "I" ("Henry I and", "Pedro I,"), where the pronoun would not
AFTER_REGNAL_I = _words("and of in on at with to from by who whose the a")
#: what a place names when it is a pact's: "the Paris Agreement", "the Kigali Amendment"
AGREEMENTS = _words(
    "agreement agreements accord accords treaty protocol convention amendment declaration pact"
)
#: verbs after a word that show it is the sentence's subject, not a qualifier (with BE_FORMS)
AUXILIARY_VERBS = _words("has had have will would could can did does may might")
#: what ends an event's name: "the Olympic Games", "the World Cup"
EVENT_HEADS = _words("games olympics cup championship championships")


### 11. CLEANING: the section names of news sites (`newscli.clean`)

#: a web page's section and tag words: a line of them alone is navigation, not the article
SECTION_WORDS = _words(
    """news uncategorized uncategorised politics world business sports sport opinion
    entertainment tech technology health science local national international breaking
    featured lifestyle culture travel video videos weather crime education economy markets
    finance money media arts music movies tv books food style fashion environment climate
    latest home us u.s. uk europe asia africa americas nation metro region analysis
    commentary editorial blog blogs live updates photos gallery podcast elections election
    stories top"""
)


### 12. ENGLISH ATTRIBUTION: the small words that join a speaker's phrase
# Read by `newscli.analysis.quotes` (English) around a speaker and its cue.

#: words joining a person to the body they speak for: "Jeffrey Lewis of the James Martin
#: Center", "Jane Doe at the Brookings Institution"
PERSON_OF_BODY_LINKS = _words("of at with from")
#: words inside a body's name, and "the" before it: "the James Martin Center for ..."
BODY_NAME_LINKS = _words("of for and & on the")
#: what joins a clause of its own to a reporting one: "Obi said ..., and Reyes warned"
NEW_CLAUSE_CONJUNCTIONS = _words("and but while whereas though although")
#: words joining a noun for people who speak to whom they speak for or where they stand:
#: "a spokesman for the company", "a staffer in the room", "the senator from Vermont"
SPEAKS_FOR_LINKS = _words("for of at with from in")
#: what opens a description of someone: "the board", "a senior official"
DESCRIPTION_OPENERS = _words("the a an one another")
#: owners resolved as "he", "she" or "they" would be: "his childhood friend", "her campaign"
OWNER_PRONOUNS = _words("his her their")
#: words before a title that make it a work's name: "on “Meet the Press”", "in “Peter Pan”"
WORK_PREPOSITIONS = _words("on in from at of with")
#: the articles, which open a description of someone: "the woman", "a spokesman"
ARTICLES = _words("the a an")
#: "that" and "this" open a clause after a cue ("claiming that he"), not a speaker
DEMONSTRATIVES = _words("that this")
#: determiners that open a speaker's noun phrase ("the Trump campaign"), not a clause
NOUN_PHRASE_DETERMINERS = DETERMINERS - DEMONSTRATIVES
#: before a cue, they make it a noun: "his promise", "its report"
POSSESSIVE_DETERMINERS = _words("his her their its")
#: the pronouns a sentence's subject may be
THIRD_PERSON_PRONOUNS = _words("he she they")
#: the cues a participle after a comma goes on from: "..., Nefzi said, adding “Q”"
PLAIN_PAST_CUES = _words("said told wrote")

### 13. ROLES OF SEVERAL WORDS: the capitalised words that make one office

#: titles that stand for the person, not an office: no capitalised word before them joins
#: them ("Perhaps Mr." Smith, "Neither Mr." Jones: the sentence's, not the title's)
HONORIFICS = _words("mr mrs ms miss mx dr sir dame")


### 14. NOT NAMES AND CROWDS: what looks like a name or a speaker and is neither

#: nouns for a crowd, which chants or roars but is no one who is quoted: "a large crowd
#: chanting “death to America”"
CROWD_NOUNS = _words("crowd crowds throng throngs mob mobs")
#: currency codes (ISO 4217, the ones markets copy quotes) and the metals' codes: "Sterling
#: GBP=", "Spot gold XAU=" on a markets page are the instrument, not part of a name
CURRENCY_CODES = _words(
    """usd eur gbp jpy chf cny cnh aud cad nzd sek nok dkk inr rub brl mxn zar krw hkd sgd
    pln huf czk ils xau xag xpt xpd"""
)
#: what a body's word stands before as part of a role, not a name: "Council member Priya
#: Raman", "Board members said" (with ROLE_NOUNS)
BODY_MEMBER_NOUNS = _words("member members")
#: faiths' adjectives, which the tagger may read as a person's name ("Roman Catholic
#: bishops"); none a surname
FAITH_ADJECTIVES = _words(
    """catholic protestant jewish muslim orthodox evangelical anglican methodist lutheran
    presbyterian sunni shiite shia hindu buddhist sikh mormon pentecostal episcopalian"""
)
