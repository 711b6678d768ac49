"""Conditions, injuries, treatments and medicines as people write them in the customers'
languages: Norwegian (Bokmål and Nynorsk), Swedish, Danish, Finnish, German and everyday
English.

The ICD-10 titles (:mod:`health_vocabulary`) give the Latin and English names of
conditions; a note says "sukkersyke", "högt blodtryck", "slidgigt", "verenpainetauti" or
"shortness of breath". These lists hold the everyday names of the conditions a retailer
of mobility aids and pharmacy goods hears about, the ways each language builds more of
them (a Norwegian "-sykdom", a Finnish "-tauti", a German "-erkrankung"), and the
medicines that name a chronic condition by themselves (a person on "Metformin" has
diabetes).

Each stem was run over wordfreq's frequent words of the seven languages (Zipf 3 and over):
one that hides in an everyday word is a whole word here instead, or the everyday word is
listed in ``health.NOT_HEALTH``.
"""

from __future__ import annotations

# Found inside longer words too (compounds: "brystkræft", "lonkkamurtuma", "Brustkrebs").
STEMS = (
    # Norwegian and Nynorsk
    "sjukdom", "sykdommen", "sjukdomen", "sukkersjuk", "leddgikt", "slitasjegikt",
    "artritt", "artrose", "multippel sklerose", "sklerose", "ryggmargsbrokk",
    "skiveprolaps", "isjias", "hekseskudd", "lumbago", "svimmelhet", "epilepsi",
    "hjerteinfarkt", "hjarteinfarkt", "hjartesvikt", "hjartestans", "angina",
    "hjerneblødning", "hjerneblødning", "hjerneslag", "lungebetennelse", "bronkitt",
    "emfysem", "søvnapné", "søvnapne", "cøliaki", "laktoseintoleran", "ulcerøs kolitt",
    "kolitt", "irritabel tarm", "nyretransplant", "lungetransplant", "hjertetransplant",
    "transplantert", "hepatitt", "tuberkulose", "long covid", "senfølger", "utmattelse",
    "fibromyalgi", "psoriasis", "liggesår", "trykksår", "leggsår", "diabetessår",
    "lymfødem", "kateter", "demens", "hjernerystelse", "nakkesleng", "whiplash", "psykose",
    "spiseforstyrr", "anoreksi", "bulimi", "autisme", "asperger", "tourette", "dysleksi",
    "utviklingshemm", "psykisk utviklingshemm", "svaksynt", "tunghørt", "hørselshemm",
    "synshemm", "makuladegener", "glaukom", "katarakt", "netthinneløsning", "halvsidig",
    "sengeliggende", "sengeliggande", "pleietrengende", "hjemmeoksygen", "heimeoksygen",
    "oksygenbehandling", "pacemaker", "hjerteklaff", "hofteprotese",
    "kneprotese", "lårhalsbrudd", "håndleddsbrudd", "muskelsvinn", "muskeldystrofi",
    "nevropati", "polynevropati", "hemofili", "blødersykdom", "sigdcelleanemi", "anemi",
    "blodmangel", "stoffskifte", "hypotyreose", "struma", "lymfom", "leukemi", "myelom",
    "sarkom", "melanom", "føflekkreft", "mastektomi", "kolostomi", "urostomi",
    "ileostomi", "bekkenløsning", "bekkenledd", "svangerskapsdiabetes", "spontanabort",
    "palliativ", "lindrende behandling", "cellegift", "stråling",
    "beinskjørheit", "blærebetennelse", "urinveisinfeksjon", "lammelse",
    "nedsatt balanse", "nedsatt hørsel", "nedsatt syn", "hjartesjuk",
    "hjertesyk", "lungesyk", "kreftsyk", "nyresyk", "alvorlig syk",
    # Swedish
    "sjukdomen", "högt blodtryck", "hjärtsvikt", "hjärtinfarkt", "slaganfall",
    "hjärnblödning", "bröstcancer", "prostatacancer", "ledgångsreumatism", "reumatism",
    "benskörhet", "höftfraktur", "lårbensbrott", "blåsproblem", "njursvikt",
    "ångest", "utmattningssyndrom", "sömnapné", "grå starr", "grön starr",
    "makuladegeneration", "hörselnedsättning", "synnedsättning", "rörelsehinder",
    "funktionsnedsättning", "förlamad", "amputerad", "foglossning", "bäckensmärt",
    "trycksår", "bensår", "andningssvikt", "andnöd",
    # Danish
    "sukkersyge", "hjertesvigt", "blodprop", "apopleksi", "kræft", "sygdom", "slidgigt",
    "leddegigt", "knogleskørhed", "hoftebrud", "nyresvigt", "søvnapnø", "grøn stær",
    "nedsat hørelse", "nedsat syn", "amputeret", "bækkenløsning", "tryksår",
    "blærebetændelse", "lungebetændelse", "betændelse", "hjerneblødning",
    # Finnish
    "sokeritauti", "verenpainetauti", "korkea verenpaine", "verenpaine", "vajaatoimint",
    "sydäninfarkt", "aivoinfarkt", "aivohalvau", "keuhkoahtaumatauti", "syöpä",
    "muistisairau", "parkinsonin tauti", "alzheimerin tauti", "ms-tauti", "nivelrikko",
    "nivelreuma", "osteoporoo", "lonkkamurtum", "murtuma", "inkontinenssi", "dialyysi",
    "epilepsia", "masennus", "ahdistu", "uniapnea", "harmaakaihi", "glaukooma",
    "kuulovamma", "näkövamma", "halvaantu", "amputoi", "raskaana", "painehaava",
    "säärihaava", "sairaus", "sairaala",
    # German
    "bluthochdruck", "herzinsuffizienz", "herzinfarkt", "schlaganfall", "brustkrebs",
    "krebs", "demenz", "multiple sklerose", "arthrose", "rheuma", "oberschenkelhalsbruch",
    "knochenbruch", "inkontinenz", "niereninsuffizienz", "dialyse", "epilepsie",
    "angststörung", "schlafapnoe", "grauer star", "grüner star", "schwerhörig",
    "sehbehindert", "gelähmt", "lähmung", "amputiert", "schwanger", "dekubitus",
    "krankheit", "erkrankung", "entzündung", "insuffizienz", "zuckerkrank",
    # Everyday English
    "shortness of breath", "short of breath", "high blood pressure", "blood pressure",
    "heart condition", "heart problem", "heart defect", "heart surgery", "heart disease",
    "breathing problem", "long covid", "chemo", "radiotherapy", "mastectomy", "dementia",
    "memory loss", "learning disabilit", "cerebral palsy", "spina bifida",
    "cystic fibrosis", "muscular dystrophy", "motor neurone", "lupus", "arthritis",
    "osteoporosis", "broken hip", "hip replacement", "knee replacement", "amputee",
    "amputated", "paralysed", "paralyzed", "partially sighted", "hard of hearing",
    "macular degeneration", "glaucoma", "cataract", "vertigo", "dizziness", "seizure",
    "diabetic", "neuropathy", "dialysis", "transplant", "bypass surgery", "pregnant",
    "pregnancy", "gestational diabetes", "pelvic girdle", "miscarriage", "varicose",
    "blood clot", "pulmonary embolism", "embolism", "hepatitis", "tuberculosis",
    "allergic to", "eczema", "psoriasis", "catheter", "pressure sore", "bedsore",
    "leg ulcer", "chronic pain", "back pain", "chronic fatigue", "fibromyalgia",
    "schizophrenia", "autism", "autistic", "dyslexia", "down syndrome", "down's syndrome",
    "epilepsy", "epileptic", "whiplash", "essential tremor", "tremor", "sleep apnoea",
    "sleep apnea", "palliative", "terminally ill", "hospice", "bedridden", "bed-bound",
    "housebound", "had a stroke", "heart attack", "dislocat", "sprain", "fractured",
    "home oxygen", "oxygen therapy", "on oxygen", "wheelchair-bound", "blind in",
    "visually impaired", "kidney stone", "gallstone",
    # Medicines that name a chronic condition (diabetes, blood thinners, heart, lungs,
    # Parkinson's, dementia, thyroid, mental health, cancer, strong pain relief)
    "metformin", "ozempic", "wegovy", "victoza", "trulicity", "jardiance", "forxiga",
    "januvia", "novorapid", "lantus", "levemir", "humalog", "tresiba", "warfarin",
    "marevan", "eliquis", "xarelto", "pradaxa", "lixiana", "klexane", "fragmin",
    "albyl-e", "plavix", "entresto", "furix", "furosemid", "atorvastatin", "simvastatin",
    "lipitor", "ramipril", "amlodipin", "metoprolol", "selo-zok", "nitroglyserin",
    "ventoline", "ventolin", "seretide", "symbicort", "spiriva", "flutide", "madopar",
    "sinemet", "levodopa", "donepezil", "aricept", "memantin", "ebixa", "levaxin",
    "thyroxin", "euthyrox", "sertralin", "cipralex", "escitalopram", "fluoksetin",
    "venlafaxin", "olanzapin", "quetiapin", "seroquel",
    "metotreksat", "methotrexate", "tamoxifen", "letrozol", "morfin", "morphine",
    "oksykodon", "oxycodone", "oxynorm", "oxycontin", "fentanyl", "prednisolon",
    "prednisolone", "kortison", "cortisone", "epipen",
    # Pain and symptoms stated of a person, lay and clinical
    "smerter", "smärtor", "schmerzen", "skjelving", "skjelvinger", "skjelver", "skjelvende",
    "besvim", "svimeslut",
    "hjerteproblem", "hjarteproblem", "nedsatt førlighet", "nedsett førleik",
    "lysømfintlig", "lysskye", "ser syner", "hallusin", "sykelig overvekt",
    "sykelig overvektig", "tarmslyng", "tarmslyngning", "bypass", "ordblind", "fotsår",
    "fodsår", "metastas", "kemoterapi",
    "kvalme", "oppkast", "hodepine", "diaré", "forstoppelse", "tungpust", "søvnløshet",
    "prolaps", "lavt blodtrykk", "blod trykk", "blodtrykket", "hypoglykemi",
    "hyperglykemi", "emboli", "alsheimer", "altsheimer", "skitzofren", "skizofren",
    "sjizofren", "nakkeskade", "ryggskade", "kneskade", "hodeskade", "skulderskade",
    "illamående", "kräkning", "huvudvärk", "yrsel", "andfådd", "hovedpine", "opkast",
    "åndenød", "pahoinvointi", "päänsärky", "huimaus", "hengenahdistu", "kipuja",
    "übelkeit", "schwindel", "atemnot", "zawroty głowy", "duszności", "skausm",
    "flimmer", "inflammation", "infektion", "benbrott", "knoglebrud", "höftprotes",
    "knäprotes", "prothese", "nedsættelse", "sydänkohtau", "rak płuc", "rak piersi",
    "rak prostaty", "rak jelita", "lūžis", "lūžio", "depresij", "fibrillation",
    "chest pain", "joint pain", "stomach pain", "neck pain", "knee pain", "hip pain",
    "tungpustet", "andpusten", "hjertebank", "nedsatt matlyst", "vekttap", "glemsk",
    "hukommelsestap", "hukommelsesproblem", "falltendens", "hevelse", "kløe", "utslett",
    "kramper", "krampeanfall", "urinlekkasje", "nattesvette", "frysninger", "smerte",
    "fantomsmerte", "phantom pain", "slagpasient", "slagrammet", "andfåddhet",
    "hjärtklappning", "minnesförlust", "svullnad", "klåda", "hukommelsestab", "hævelse",
    "udslæt", "turvotus", "kutina", "ihottuma", "kouristu", "muistihäiriö", "herzrasen",
    "gedächtnisverlust", "schwellung", "juckreiz", "krämpfe",
    # Surgeries named by their body part in Danish, Swedish, German and Finnish
    "hofteoperation", "knæoperation", "rygoperation", "skulderoperation", "höftoperation",
    "knäoperation", "ryggoperation", "hüftoperation", "knieoperation", "hüft-op", "knie-op",
    "polvileikkau", "lonkkaleikkau", "ohitusleikkau", "selkäleikkau", "nyt hofteled",
    "nyt knæled", "ny höftled", "ny knäled",
    # more conditions as each neighbour names them
    "keuhkoahtaum", "aivoverenvuo", "psoriaa", "sepelvaltimo", "ryggskott", "diskbråck",
    "ischias", "bältros", "njursten", "gallsten", "forhøjet blodtryk", "højt blodtryk",
    "forhøyet blodtrykk", "sclerose", "herzschwäche", "beinbruch", "armbruch", "hüftbruch",
    "behinderung", "heart trouble", "chest infection", "water infection", "blood thinner",
    "water tablet", "painkiller",
    "psykiske plager", "psykisk syk", "psykiske problem", "psykisk lidelse", "intoleran",
    # Procedures and vaccines given to a person
    "ektomi", "ectomy", "koloskopi", "gastroskopi", "colonoscopy", "endoskopi", "biopsi",
    "biopsy", "transfusjon", "transfusion", "blodoverføring", "infusjon", "injeksjon",
    "vaksin", "vaccin", "impfung", "rokote", "rokotu", "szczepi", "skiep", "stråleterapi",
    "radioterapi", "sondeernæring", "sondemat", "trakeostomi", "angioplast", "ablasjon",
    # Medicines by their kind, taken by a person
    "smertestillende", "blodfortynnende", "sovemedisin", "sovetablett", "antibiotika",
    "antidepressiv", "antibiotikum", "blodtrykksmedisin", "hjertemedisin",
    "smärtstillande", "blodförtunnande", "sovetabletter",
    # Surgeries and treatments given to a person: a new joint, a machine's treatment
    "nytt kne", "nye knær", "ny hofte", "nyt knæ", "nye knæ", "new knee",
    "new hip", "cpap-behandling", "cpap treatment", "bipap-behandling", "tekonivel",
    "nivelproteesi",
    # Finnish
    "eteisvärinä", "sydämen vajaatoimint",
    # Polish
    "cukrzyc", "nadciśnieni", "stwardnienie rozsiane", "zawał", "padaczk", "złamani",
    "demencj", "depresj", "niewydolnoś", "nowotw",
    # Lithuanian
    "skleroz", "hipertenz", "nepakankamum", "vėžys", "vėžio", "demencij",
)  # fmt: skip

# Only as whole words: short, or inside everyday words as a part ("gigt" in "vigtig",
# "syk" in "sykkel", "kol" in "skole").
WORDS = (
    "gigt", "syk", "sjuk", "sjukt", "tauti", "døv", "lamme", "covid",
    "polio", "post-polio", "eksem", "ødem", "lithium", "litium",
    "feber", "feberen", "fever", "feberfri", "hypo", "fedme", "brokk", "brokket",
    "insultas", "insultą", "insulto", "insultu", "udar", "udaru",
    # oxygen given to a person ("bruker oksygen", "brug for ilt"); its machine is a product
    "oksygen", "oxygen", "ilt", "syrgas", "happi", "stent", "hoste", "hosta", "yskä",
    "husten", "cough", "ból", "svimmel", "pochp", "anfall", "fieber", "herpes", "reuma", "kihti",
)  # fmt: skip
# Abbreviations, as written in capitals: "KOL" (Swedish and Danish COPD), "SMA", "TB";
# clinicians' shorthand for diagnoses and treatments (diabetes, hypertension, kidney, heart
# and lung disease, joint replacement, heart procedures, long-term oxygen).
ABBREVIATIONS = (
    "KOL", "SMA", "TB", "IBS", "ADD", "MND", "CFS", "DM1", "DM2", "T1DM", "T2DM",
    "IDDM", "NIDDM", "HTN", "CKD", "AKI", "CHF", "HF", "AF", "AFLI", "AMI", "NSTEMI",
    "STEMI", "ACS", "CABG", "PCI", "TKA", "THA", "TKR", "THR", "LTOT", "OSA", "OSAS", "POTS",
    "RA", "SLE", "PAD", "PAOD", "GERD", "BPH", "UTI", "UVI", "MCI", "FTD", "ASD", "CVI",
    "OA", "IBD", "AML", "CML", "MDS", "HCV", "HBV", "MRSA", "ESBL", "VRE", "TAVI", "PEG",
    "SVT", "AKS", "OCD", "MDD", "TBI", "DMD",
)  # fmt: skip

# A disease named after a person or a place, in any of the languages: "Parkinsons
# sykdom", "Addisons sjukdom", "Tourettes syndrom", "Down syndrome", "Guillain-Barré".
NAMED_DISEASE_WORDS = (
    "sykdom", "sjukdom", "sygdom", "syndrom", "syndrome", "disease", "sjuka", "tauti",
    "krankheit", "muskeldystrofi", "muscular dystrophy",
)  # fmt: skip

# A broken or operated body part: "brukket armen", "broken wrist", "fractured pelvis",
# "nyoperert i kneet", "brækket hoften", "bröt benet".
INJURY_VERBS = (
    "brukket", "brukke", "brakk", "brekt", "brekte", "broken", "broke", "fractured",
    "brækket", "brækkede", "bröt", "brutit", "brutet", "knust", "operert", "nyoperert",
    "opereret", "opererad", "operated", "forstuet", "forstuvet", "vrikket", "sprained",
    "dislocated", "dislocating", "amputert", "amputated",
)  # fmt: skip
BODY_PARTS = (
    "arm", "armen", "armene", "bein", "beinet", "beina", "ben", "benet", "bena", "fot",
    "foten", "føttene", "hånd", "hånden", "handa", "håndleddet", "hofte", "hofta",
    "hoften", "kne", "kneet", "knærne", "legg", "leggen", "lår", "låret", "tå", "tær",
    "tærne", "hæl", "hælen", "fingrer", "tommel", "hode", "hodet", "ansikt", "lyske",
    "hjerte", "knær", "hofter", "lunger", "nyrer", "mage", "ører",
    "skulder", "skuldra", "skulderen", "rygg",
    "ryggen", "ryggvirvel", "nakke", "nakken", "ankel", "ankelen", "lårhals",
    "lårhalsen", "bekken", "bekkenet", "ribbein", "ribben", "kragebein", "kragebenet",
    "handled", "handleden", "höften", "knät", "foten", "arm", "leg", "hip", "knee",
    "wrist", "ankle", "shoulder", "elbow", "pelvis", "spine", "back", "neck", "rib",
    "ribs", "collarbone", "femur", "foot", "hand", "finger", "toe", "heel", "skull",
    "shoulders", "hips", "knees", "legs", "arms", "feet", "hands", "eye", "eyes", "ear",
    "ears", "øye", "øyet", "øyne", "øre", "ørene", "lung", "lungs", "lunge", "lunga",
    "lungene", "hjertet", "heart", "leg", "liver", "leveren", "knee", "elbow", "albuen",
    "side", "sida", "bukspyttkjertelen", "bukspyttkjertel", "magen", "tarmen",
    "blæra", "blæren", "nyrene", "nyren", "hjernen", "huden", "skjelettet", "brystet",
    "halsen", "prostata", "livmoren", "eggstokkene", "skjoldbruskkjertelen", "pancreas",
    "bowel", "brain", "skin", "bones", "breast", "throat", "kidneys", "kidney", "bladder",
)  # fmt: skip

# Medicines by the names the Nordic pharmacies use, by ATC class, which the maintained list
# (:mod:`medicines`) lacks or drops as frequent words; found as whole words.
MEDICINES = (
    # A02 acid: "Losec", "Somac", "Nexium"; A06 laxatives; B03 iron
    "losec", "somac", "nexium", "lanzo", "pantoloc", "laxoberal", "movicol", "forlax",
    "duroferon", "niferex", "ferromax",
    # B01 blood thinners: warfarin ("Waran"), aspirin as "Albyl", "Trombyl", "Magnyl"
    "waran", "albyl", "trombyl", "magnyl", "hjertemagnyl", "brilique",
    # C01, C03, C07-C09 heart and blood pressure
    "nitroglycerin", "nitromex", "imdur", "burinex", "furix", "cozaar", "atacand",
    "norvasc", "seloken", "emconcor", "spirix",
    # D skin, G urology, L cancer and immunology, M bones
    "fucicort", "daivobet", "omnic", "femar", "celebra", "aclasta", "pronaxen",
    # J01 antibiotics
    "penicillin", "apocillin", "kåvepenin", "selexid", "imacillin", "dalacin", "doxylin",
    "abboticin", "heracillin", "ciproxin",
    # M01, M04 pain and gout
    "ibux", "ipren", "burana", "colrefuz", "zyloric",
    # N02 pain: paracetamol ("Paracet", "Pinex", "Panodil", "Alvedon"), opioids, combinations
    "paracet", "paracetamol", "pinex", "panodil", "pamol", "alvedon", "panadol", "paralgin",
    "nobligan", "tramadol", "citodon", "panacod", "kodimagnyl", "aspirin", "morphine",
    "tradolan", "targiniq", "norspan", "dolcontin", "ketorax",
    # N04, N05, N06 Parkinson's, mood, ADHD
    "stalevo", "fontex", "lithionit", "xanax", "medikinet",
    # N03 epilepsy
    "lamictal", "keppra", "orfiril", "tegretol",
    # N05 sleep and anxiety
    "sobril", "stesolid", "vival", "imovane", "zopiklon", "apodorm", "heminevrin", "truxal",
    "propavan", "theralen", "atarax", "somadril", "oxascand",
    # R03 asthma and COPD
    "pulmicort", "bricanyl", "airomir", "atrovent", "buventol", "relvar", "anoro", "trelegy",
    "duoresp", "aerius", "kestine", "avamys", "otrivin",
    # insulin and diabetes
    "insulin", "insuliini", "janumet", "mixtard", "novomix",
)  # fmt: skip
