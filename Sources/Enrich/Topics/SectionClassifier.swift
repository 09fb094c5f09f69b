import Clean
import Foundation
import EnbekshiCore

/// Files an article under one primary section (and secondary ones) from the evidence that really
/// decides: the publishing body and the words of the text, in any of its languages. Small,
/// deterministic and explainable: the reason lists every piece of evidence and its weight.
public enum SectionClassifier {
    public struct Result: Sendable, Hashable {
        public var primary: Section
        public var secondary: [Section]
        public var score: Double
        public var reason: String
        /// The winner's lead over the runner-up as a share of its score: 0 is a tie, 1 no rival.
        public var margin: Double = 0
    }

    /// Word stems (lower case) per section, Kazakh, Russian and English. A stem matches the start of
    /// a word; several words match consecutive words each by its start ("детск сад" finds "детский
    /// сад"); a final "$" asks for the whole word ("visit$" is not "visitor"). A matched phrase is one
    /// piece of evidence: its words start no stem of their own (`matches`).
    static let stems: [Section: [String]] = [
        .world: [
            "посол", "посла", "послом", "елші", "ambassador", "embassy", "посольств", "дипломат", "diplomat",
            "foreign policy", "foreign ministry", "бұұ", "оон", "united nations", "визит", "сапар", "visit$", "visits$",
            "снг$", "cis$", "тмд$", "heads of state", "heads of government", "глав государств", "глав правительств",
            "visited$",
            "консул$", "консула$", "консулом$", "консулу$", "консулы$", "консулов$", "консульств", "консульск",
            "консулдық", "консулдығ", "consul$", "consuls$", "consulate", "consular", "bilateral", "двусторонн",
            "екіжақты", "верительн", "credentials", "сенім грамот",
            "гуманитарн помощ", "humanitarian", "гуманитарлық", "демаркац", "делимитац", "мид$", "сім$",
            "foreign minister", "телефонн разговор", "telephone conversation", "phone call", "телефон арқылы сөйлес",
            "foreign affairs", "иностранных дел", "сыртқы істер", "диаспор", "diaspora", "отандас", "соотечественник",
            "межпарламент", "summit", "саммит", "шұғыл", "мемлекетаралық", "межгосударств",
            "межправкомисс", "intergovernmental", "үкіметаралық", "peacekeep", "миротвор", "бітімгер", "un mission",
            "миссия оон", "condolenc", "соболезнован", "көңіл айт", "переговор", "negotiat", "келіссөз",
            "strategic partnership", "стратегическ партнерств", "стратегиялық әріптест", "мемлекеттік сапар",
            "state visit", "official visit", "официальн визит",
            "human rights council", "совет по правам человека", "адам құқықтары жөніндегі кеңес", "general assembly",
            "генеральн ассамбле", "бас ассамблея",
            "demarcation",
        ],
        .politics: [
            "working trip", "рабочей поездк", "рабочая поездк", "жұмыс сапар", "президент", "president", "парламент", "parliament", "мәжіліс", "мажилис", "сенат", "senat", "депутат",
            "deput", "мәслихат", "маслихат", "maslikhat", "партия", "партии", "party$", "parties$", "выбор", "сайлау",
            "election", "elected$", "electoral", "референдум", "аким района", "akim of", "инаугурац", "government",
            "үкімет", "правительств", "избра", "сайланды", "голосован", "дауыс беру", "vote", "voting", "явка",
            "turnout",
            "есепті кездесу", "есеп бер", "отчита", "әкім", "report to residents", "reports to residents",
            "отчет акима", "отчёт акима", "отчетн", "отчётн", "құрылтай", "kurultai", "самоуправлен", "законопроект",
            "draft law", "заң жоба", "мемлекет басшы", "глава государства", "head of state", "премьер",
            "prime minister",
            "сессия", "сессии", "session", "расширенн совещан", "кеңейтілген кеңес", "secretary of the maslikhat",
            "государственн наград", "мемлекеттік наград",
            "аудиторск палат", "audit chamber", "аудиторлық палата", "appointed", "назначен", "тағайындал",
            "бюджет участия", "participatory budget", "қатысу бюджеті", "указ$", "указа$", "указом", "указу$", "жарлық",
            "decree", "политическ", "political", "саяси", "election commission", "избирательн", "сайлау комиссия",
            "законодательн", "legislat", "заңнама", "чтени", "reading$",
            "mazhilis", "ratif", "ратифи", "избиратели", "избирателей", "избирателям", "избирателя$",
        ],
        .economics: [
            "налог", "салық", "tax", "бюджет", "budget", "экономик", "экономика", "econom", "инфляц", "inflation",
            "ввп",
            "жім", "gdp", "macroecon", "макроэконом", "тариф", "tariff", "декларац", "declarat", "задолж", "берешек",
            "arrears", "debt", "финанс", "қаржы", "financ", "банк", "bank", "кредит", "credit", "займ", "loan", "валют",
            "currenc", "таможен", "кеден", "customs", "cargo", "freight", "container", "контейнер", "груз$", "грузов",
            "груза$", "грузы$", "грузооборот", "грузоперевоз", "жүк тасымал", "seaport", "морск порт", "теңіз порт",
            "инвестиц", "инвестиция", "invest", "теңге", "тенге", "tenge",
            "доход", "incom", "табыс", "жұмыссыздық", "безработ", "unemploy", "теміржол", "railway", "железнодорож",
            "автомобильн дорог", "железн дорог", "темір жол", "logistic", "логистик", "транзит", "transit", "облигац",
            "bond", "ипотек", "mortgage",
            "страхов", "сақтандыру", "insurance", "нацбанк", "ұлттық банк", "national bank", "базов ставк", "биржа",
            "exchange rate", "бағам", "курс тенге", "цен$", "prices", "бағас", "статистик", "statistic", "электроэнерг",
            "электр энергия", "power plant", "power station", "электростанц", "электр станция", "подстанц",
            "substation", "қосалқы станция", "электросет", "электр желі", "power grid", "power line", "лэп$",
            "энергетик", "energy$", "тэц", "жэо", "уголь", "көмір", "coal", "нефт", "мұнай", "oil", "газопровод",
            "ндс", "ққс", "vat$", "тсж", "кпн", "ипн", "minimum wage", "минимальн зарплат", "ең төменгі жалақы",
            "зарплат", "жалақы", "salary", "salaries", "wage", "товарооборот", "тауар айналым", "trade turnover",
            "рост ввп", "экономикалық өсу", "economic growth", "сырье", "шикізат", "raw material", "нефтегаз",
            "мұнай-газ", "oil and gas", "кассов", "касса", "налогов учет", "аудит", "audit", "госзакуп",
            "мемлекеттік сатып алу", "procurement", "субсид", "subsid", "отандық өнім", "тауар", "goods",
            "мемлекеттік кірістер", "кірістер департамент", "кірістер комитет", "государственн доход", "state revenue",
            "revenue department", "шот-фактура", "счет-фактур", "счёт-фактур", "invoice",
            "import$", "imports$", "imported", "importer", "importing", "импорт", "цены$", "цена$", "таможн", "баға$",
            "несие", "электр стансас", "жел электр", "күн электр", "wind farm", "wind power", "solar power",
        ],
        .business: [
            "бизнес", "business", "предпринимат", "кәсіпкер", "entrepreneur", "мсб", "шағын", "компани", "company",
            "тоо", "жшс", "стартап", "startup", "лиценз", "licens", "рынок", "нарық", "market", "экспорт", "export",
            "завод", "зауыт", "factory", "plant$", "кәсіпорын", "предприяти", "enterprise", "индустриал", "industrial",
            "сауда", "торгов", "trade", "даму", "damu", "фабрик", "цех", "производств", "өндіріс", "manufactur",
            "прокатн", "металлург", "metallurg", "текстиль", "textile", "грант бизнес", "бастау бизнес",
            "алюмини", "aluminium", "aluminum", "кенiш", "кеніш", "рудник", "mine$", "mining", "горнодобыв", "тау-кен",
            "автомобильн завод", "автокөлік зауыт", "car plant", "переработ", "өңдеу", "processing", "мощность",
            "қуаты", "capacity", "судостро", "верф", "shipbuild", "shipyard", "кеме жасау", "инвестор", "investor",
            "жұмыс орн", "рабочих мест", "jobs$", "бизнес-форум", "business forum",
            "companies", "sme$",
        ],
        .law: [
            "суд$", "суда$", "суде$", "судом$", "суду$", "судам$", "судах$", "судами$", "судеб", "судь", "судопроизвод",
            "соты", "соттар", "сотта", "сотқа", "соттың", "court", "прокур", "prosecut", "launder", "отмыван",
            "заңдастыр", "закон", "заң", "law$",
            "laws$", "коррупц", "сыбайлас", "corrupt", "правонаруш", "құқықбұзуш", "offence", "преступ", "қылмыс",
            "crime", "criminal", "полиц", "police", "юстиц", "әділет", "justice", "нотариус", "адвокат", "кодекс",
            "code$",
            "штраф", "айыппұл", "fine$", "fined$", "мошенн", "fraud", "пирамид", "pyramid", "алаяқ", "пара$", "взятк",
            "brib", "ұсталды",
            "задержа", "detain", "приговор", "үкім$", "үкімі", "үкімін", "үкімге", "sentenc", "осужд", "медиац",
            "mediation", "приговорил", "алимент",
            "судебн исполнител", "сот орындаушы", "арест", "тергеу", "следстви", "investigat", "омбудсмен", "ombudsman",
            "правозащит", "human rights", "адам құқық", "прав человека", "наркот", "есірткі", "drug", "кража", "ұрлық",
            "theft", "stolen", "украден", "контрабанд", "smuggl", "violence", "насили", "зорлық", "victim", "жертв",
            "розыск", "іздеу сал", "пропавш", "missing$", "жоғалған", "подозрева", "күдікті", "suspect", "обвин",
            "айыпта", "charged$", "незаконн", "заңсыз", "illegal", "нарушен", "бұзушы", "violat", "протокол",
            "административн", "әкімшілік құқық", "administrative", "профилакт", "алдын алу", "prevention", "дольщик",
            "үлескер", "shared construction", "expired", "просроч", "жол ереже", "жол қозғалысы ереже", "правил дорожн",
            "пдд$", "traffic rule", "traffic offen", "traffic violat", "traffic police", "безопасност пищев",
            "food safety",
            "judge", "thieves", "arrested", "verdict", "lawyer", "notary", "юрист", "украл", "сот$",
        ],
        .society: [
            "жител", "тұрғын", "resident", "граждан", "азамат", "citizen", "социальн", "әлеуметтік", "social",
            "пенсион",
            "зейнет", "pension", "семь", "отбасы", "family", "families", "ветеран", "veteran", "жилищ", "тұрғын үй",
            "housing", "квартир", "пәтер", "flat$", "flats$", "волонт", "ерікті", "volunteer", "цон", "хқко",
            "госуслуг", "центр обслуживания населения", "public service centre", "халыққа қызмет көрсету орталығ",
            "мемлекеттік қызмет", "public service", "благоустр", "абаттандыру", "молодеж", "жастар", "youth",
            "занятост",
            "жұмыспен", "employment", "труд", "еңбек", "labor", "labour", "пособи", "benefit", "жәрдемақы", "газифик",
            "газ құбыр", "gas supply", "водоснабж", "ауыз су", "water supply", "drinking water", "отоплен", "отопит",
            "жылу", "heating", "ярмарка ваканс", "ваканс",
            "vacanc", "job fair", "бос жұмыс орын", "бос жұмыс орындары жәрмеңке", "жұмыс орындары жәрмеңке", "жұмыс жәрмеңке",
            "вакансиялар жәрмеңке",
            "gasif", "connected to gas", "connected to the gas", "gas network", "подключен к газ",
            "коммунальн", "коммуналдық", "utilit", "общественн транспорт", "автобус", "bus$", "buses$", "electric bus",
            "метро", "metro", "парк$", "парка", "саябақ", "park$", "детск площад", "дорог", "жол$", "жолдар", "road$",
            "roads$",
            "мост", "көпір", "bridge", "многодетн", "көпбалалы", "инвалид", "мүгедек", "disabilit", "малообеспеч",
            "благотворит", "қайырымдылық", "charity", "сирот", "orphan", "прием граждан", "қабылдау",
            "троллейбус", "trolleybus", "маршрут", "route$", "routes$", "двор$", "дворов", "дворы", "дворах", "дворам",
            "дворе$", "аула$", "ауласы", "аулалар", "аулаға", "аулада", "courtyard", "детская площадк", "playground",
            "набережн", "embankment", "освещен", "жарықтандыру", "lighting", "пожил", "қарт", "elderly", "одинок",
            "жалғыз басты", "lonely", "малоимущ", "аз қамтылған", "low-income", "жесір", "вдов", "widow", "кезек",
            "очеред", "waiting list", "тұрғындар", "горожан", "қала тұрғын", "townspeople", "community",
            "street$", "streets$", "электробус", "жиль", "улиц", "көше$", "көшесі", "көшелер", "көшені", "көшеде",
        ],
        .culture: [
            "культур", "мәдени", "cultur", "театр", "theatre", "theater", "музей", "мұражай", "museum", "концерт",
            "сельск клуб", "ауылдық клуб", "village club", "pianist", "пианист", "violinist", "скрипач",
            "concert", "фестивал", "festival", "выставк", "көрме", "exhibition", "искусств", "өнер$", "өнері", "өнерін",
            "өнерге", "өнерде", "өнердің", "өнерпаз", "литератур",
            "әдебиет", "literature", "абай", "abai", "абая$", "абаю$", "летие", "юбилей", "мерейтой", "anniversary",
            "кино", "film", "фильм",
            "музык", "music", "дәстүр", "tradition", "наурыз", "nauryz", "айтыс", "ақын", "поэт", "poet", "писател",
            "жазушы", "writer", "опера", "оперн", "оперы", "опере", "оперу", "оперой", "opera$", "operas$",
            "opera house", "балет", "ballet", "библиотек", "кітапхана", "library", "книг", "кітап",
            "book", "археолог", "archaeolog", "памятник", "ескерткіш", "monument", "кесене", "мавзолей", "mausoleum",
            "ковр", "кілем", "carpet", "ремесл", "қолөнер", "craft", "архив", "archive", "этно", "ethno", "домбыр",
            "репресс", "қуғын-сүргін", "repression", "memorial", "мемориал", "еске алу", "remembrance", "medieval",
            "средневеков", "ортағасыр", "caravanserai", "караван-сарай", "реставрац", "restorer", "тарихи ескерткіш",
            "historical monument", "исторический памятник",
            "киіз үй", "юрт", "yurt", "зергер", "ювелир", "jewel", "уличн театр", "street theatre", "драм", "drama",
            "spectacl", "спектакл", "қойылым", "premiere", "премьер фильм", "berlinale", "берлинале", "film festival",
            "кинофестивал", "award$", "премия", "сыйлық", "прикладн искусств", "қолданбалы өнер", "historic centre",
            "исторически центр", "тарихи орталық",
            "cinema", "artist", "painting", "painter", "costume", "song$", "songs$", "singer", "orchestra", "dombra",
            "heritage", "художник", "картин", "войлок", "костюм", "песн", "певец", "певиц", "домбр", "наследи", "мурал",
            "суретші", "ән$", "әндер", "әні$", "әнші", "оркестр", "мұра$", "мұрасы",
        ],
        .science: [
            "наук", "ғылым", "scien", "исследован", "зерттеу", "research", "учёны", "ученые", "ученых", "ғалым",
            "scientist", "университет", "universit", "инновац", "инновация", "innovat", "цифров", "цифрлық", "digital",
            "технолог", "technolog", "космос", "ғарыш", "space", "искусственн интеллект", "жасанды интеллект",
            "artificial intelligence", "спутник", "satellite", "жерсерік", "геолог", "geolog", "лаборатор", "laborator",
            "интернет", "internet", "оптоволок", "талшықты-оптикалық", "fibre", "fiber", "хакатон", "hackathon",
            "патент",
            "patent", "изобрет", "өнертабыс", "invent", "робот", "robot", "месторожден", "кен орн", "deposit$",
            "деп$", "космодром", "cosmodrome", "ракет", "rocket", "egov", "электронн правительств",
            "электрондық үкімет",
            "астроном", "astronom", "звезд", "жұлдыз", "star$", "обсерватор", "observator", "материаловед",
            "материалтану", "materials science", "ученый", "ученая", "scientific", "научн", "ғылыми", "конференци",
            "conference", "digital card", "цифров документ", "ии$", "ai$", "нейросет", "neural", "цифрланд", "it-хаб",
            "іт-хаб", "ит-хаб", "it hub", "it-hub", "it-парк", "іт-парк", "ит-парк", "it park", "it-park", "технопарк",
            "technopark", "tech park", "киберқауіпсіз", "кибербезопасн", "cybersecur", "cyber security", "бағдарламашы",
            "программист", "programmer",
            "nanosatellite", "software", "4g$", "broadband", "mobile app", "мобильн приложен", "мобильді қосымша",
            "исследовател", "наноспутник", "зертхана",
        ],
        .tourism: [
            "туризм", "туристі", "туристер", "tourism", "tourist", "турист", "путешеств", "саяхат", "travel",
            "гостиниц",
            "қонақ үй", "hotel", "курорт", "resort", "достопримечательн", "виза", "visa", "турпоток", "демалыс",
            "holidaymaker", "visitor", "национальн парк", "ұлттық парк", "national park", "каньон", "canyon", "шатқал",
            "горнолыж", "тау шаңғы", "ski$", "skiing", "пляж", "жағажай", "beach", "паломни", "зиярат", "pilgrim",
            "санатор", "шипажай", "авиарейс", "рейс", "flights", "туроператор", "tour operator",
            "occupancy", "заполняем", "туристическ", "туристік", "маршрут туристическ", "электронн билет", "билет",
            "ticket", "озера кольсай", "авиасообщен", "әуе рейс", "air route", "direct flight", "прямой рейс",
            "тікелей рейс", "круиз", "cruise", "экотуризм", "ecotourism", "горы", "таулар",
            "sightseeing", "excursion", "trail$", "trails$", "eco-trail", "camping", "guest house", "guesthouse",
            "отель", "экскурси", "тропа", "тропы", "кемпинг",
        ],
        .health: [
            "здравоохран", "денсаулық", "health", "больниц", "аурухана", "hospital", "поликлиник", "емхана", "clinic",
            "врач", "дәрігер", "doctor", "медицин", "медицина", "medic", "пациент", "науқас", "patient", "вакцин",
            "vaccin", "заболеван", "ауру", "disease", "медсестр", "мейірбике", "nurse", "лекарств", "дәрі-дәрмек",
            "medicine", "донор", "donor", "қан тапсыр", "сдали кровь", "blood", "скрининг", "screening", "амбулатор",
            "ambulance", "жедел жәрдем", "скорая", "подстанц скор", "подстанция скор", "фельдшер", "оңалту",
            "реабилитац", "rehabilit", "хирург", "surgeon",
            "surgery", "операци", "ота$", "кардио", "cardio", "онколог", "oncolog", "трансплант", "transplant", "клещ",
            "кене", "tick$", "ticks$", "энцефалит", "грипп", "тұмау", "influenza", "flu$", "корь", "қызылша ауру",
            "measles", "прививк", "екпе", "инфекци", "infection", "дәріхана", "аптек", "pharmac", "санитар",
            "ядерн медицин",
            "аутизм", "аутист", "autism", "autistic", "перинатал", "perinatal", "роддом", "перзентхана", "maternity",
            "диабет", "diabetes", "қант диабеті", "обследован", "тексеруден", "check-up", "examination",
            "family health", "семейн врач", "отбасылық дәрігер", "family doctor", "здоровь", "health centre",
            "медпункт", "фап", "фельдшерск", "төсек", "коек", "bed$", "beds$", "томограф", "tomograph", "hospital bed",
            "heart", "cardiac", "cancer", "tubercul", "hiv$", "mri$", "ultrasound", "x-ray", "dentist", "dental",
            "paediatric", "pediatric", "newborn", "paramedic", "stroke$", "obesity", "smoking", "polyclinic", "сердц",
            "рак$", "рака$", "туберкул", "вич$", "мрт$", "узи$", "стоматолог", "педиатр", "новорожд", "родильн",
            "медик", "больных", "терапевт", "инсульт", "инфаркт", "лечени", "лечебн", "жүрек", "обыр", "тіс дәрігер",
            "нәресте", "босану", "емдеу", "емделу", "улану", "уланып", "уланған", "отравлен", "poisoning", "poisoned", "energy drink", "энергетическ напит", "энергетикалық сусын",
        ],
        .education: [
            "образован", "білім", "education", "школ", "мектеп", "school", "учител", "мұғалім", "teacher", "педагог",
            "оқушы", "ученик", "pupil", "student", "студент", "колледж", "college", "детск сад", "балабақша",
            "kindergarten", "вуз", "экзамен", "емтихан", "exam$", "exams$", "егэ", "ұбт", "ент$", "олимпиад",
            "olympiad", "тестілеу",
            "тестирован", "выпускник", "түлек", "graduat", "кампус", "campus", "учебн", "оқу жыл", "academic year",
            "оқулық", "учебник", "textbook", "первый класс", "бірінші сынып", "first grade", "жатақхана", "общежит",
            "dormitor", "кружк", "үйірме", "грант на обучен", "білім гранты",
            "it-школ", "курсы программирован", "программирован", "бағдарламалау", "programming", "coding", "лицей",
            "lyceum", "гимназ", "gymnasium", "асхана", "столов", "canteen", "спортзал", "спорт зал", "учебн заведен",
            "оқу орн", "pupils", "оқушылар", "школьник", "schoolchildren", "ректор", "rector", "декан", "dean",
            "lecture", "curriculum", "vocational", "preschool", "literacy", "tutor", "scholarship", "дошкольн", "урок",
            "стипенди", "учеба$", "учёба$", "сабақ", "дәріс", "school bus", "школьн автобус", "мектеп автобус",
        ],
        .sport: [
            "спорт", "sport", "чемпион", "champion", "турнир", "tournament", "соревнован", "жарыс", "competition",
            "олимпийск", "олимпиялық", "olympic", "футбол", "football", "бокс", "boxing", "boxer", "медал", "medal",
            "атлет", "athlet", "арена", "arena", "ледов", "хоккей", "hockey", "күрес", "борьб", "wrestl", "дзюдо",
            "дене шынықтыру", "ice rink",
            "judo",
            "теннис", "tennis", "шахмат", "chess", "волейбол", "volleyball", "баскетбол", "basketball", "лыж", "шаңғы",
            "тогызкумалак", "тоғызқұмалақ", "кокпар", "көкпар", "kokpar", "байге", "бәйге", "baiga", "спортшы",
            "спортсмен", "балуан", "құрама", "сборная", "national team", "weightlift", "штанг", "ауыр атлетика",
            "каток", "катка", "коньк", "skating", "мұз айдын", "фигурист", "фигурн катан", "figure skat",
            "мәнерлеп сырғанау",
            "гран-при", "grand prix", "биатлон", "biathlon", "фристайл", "freestyle", "самбо", "sambo", "тхэквондо",
            "таэквондо", "taekwondo", "велоспорт", "league", "лига", "лигас", "лиге", "лигу", "велокоманд",
            "велошабандоз", "велогонщик", "cyclist", "cycling team",
            "chess olympiad", "шахматн олимпиад", "шахмат олимпиада", "марафон", "marathon", "runners", "бегун", "жүгіру", "забег", "клуб", "club$", "матч", "match$", "ойын",
            "game$", "кхл", "khl", "гимнаст", "gymnast", "спортивн школ", "спорт мектеп", "sports school", "wrestling school", "boxing school", "школа борьбы", "күрес мектеб", "стадион",
            "stadium", "велосипед", "cycling", "плаван", "жүзу", "swimming", "шахматшы",
            "karate", "kuresi", "coach", "teammate", "swimmer", "skier", "борц", "борец", "тренер", "каратэ", "карате",
            "пловц", "бапкер", "жаттықтырушы", "жүзгіш",
        ],
        .defence: [
            "оборон", "қорғаныс", "defence", "defense", "армия", "army", "военн", "әскери", "military", "воинск",
            "әскер",
            "soldier", "солдат", "безопасност", "қауіпсіздік", "security", "чрезвычайн", "төтенше", "emergenc", "пожар",
            "өрт", "fire$", "fires$", "спасат", "құтқарушы", "rescue", "паводк", "су тасқын", "flood", "терроризм",
            "terror", "погранич", "шекарашы", "шекара қызмет", "border guard", "border service", "кнб", "ұқк",
            "сел қаупі", "сел жүр", "сел тасқын", "селдің", "сель$",
            "селев", "mudflow", "метел", "боран", "blizzard", "snowdrift", "снежн занос", "учения", "жаттығу",
            "exercise",
            "призыв", "шақыру", "conscript", "эвакуац", "evacuat", "половод", "землетрясен", "жер сілкін", "earthquake",
            "огнеборц", "firefighter", "өрт сөндіруш", "потуш", "сөндір", "extinguish", "пострадав", "зардап шекк",
            "injured", "укрыти", "баспана", "shelter", "гарнизон", "garrison", "воинск част", "әскери бөлім",
            "military unit", "пограничн наряд", "нарушител границ", "миротворц", "застигнут", "непогод", "учени",
            "servicem", "barracks", "drills$", "national guard", "нацгвард", "национальн гварди", "ұлттық ұлан",
            "special forces", "спецназ", "арнайы жасақ", "avalanche", "казарм", "паводок", "лавин", "сарбаз",
            "әскери қызметші", "көшкін",
        ],
        .agriculture: [
            "сельское хоз", "сельского хоз", "сельскому хоз", "сельскохоз", "сельхоз", "ауыл шаруашылығ", "agricult",
            "аграри", "agrarian", "мал басы", "ірі қара", "cattle", "orchard", "засея", "посевн", "cotton", "хлопок",
            "хлопк", "фермер", "шаруа", "farmer", "урожа", "егін", "harvest", "посев", "себу", "sowing", "зерн", "тепличн",
            "астық",
            "grain", "скот", "livestock", "ветеринар", "veterinar", "агро", "agro", "пшениц", "бидай", "wheat", "полив",
            "ирригац", "irrigat", "егіс", "күріш", "рис$", "риса", "rice$", "саранч", "шегіртке", "locust", "молок",
            "сүт",
            "milk", "dairy", "элеватор", "elevator", "қызылша", "свекл", "beet", "оросител", "суармалы", "канал",
            "жәрмеңке", "ярмарк", "fair$", "удобрен", "тыңайтқыш", "fertili", "комбайн", "combine", "мука",
            "ұн$", "flour", "картоп", "картофел", "potato", "бахчев", "овощ", "көкөніс", "vegetable", "теплиц",
            "жылыжай",
            "greenhouse", "мал$", "малды", "аусыл", "ящур", "бруцеллез", "птицефабр", "құс фабрика", "poultry",
            "рыболов",
            "балық аулау",
            "алма$", "алмасы", "алмалар", "алма бағ", "яблок", "apple", "бау-бақша", "сад$", "сады", "мақта", "хлопч",
            "рапс", "rapeseed", "масличн", "майлы дақыл", "oilseed", "подсолнеч", "күнбағыс", "sunflower", "корм",
            "жем$", "жемді", "жемдік", "fodder", "feed$", "откорм", "бордақыла", "feedlot", "пастбищ", "жайылым",
            "pasture", "овц", "қой$", "sheep", "goats", "ешкі", "оспа", "шешек", "pox$", "жинау науқан", "уборочн",
            "harvesting", "сев$", "сева", "себу науқан", "plant protection", "защит растен", "өсімдік қорғау",
            "астық экспорт", "экспорт зерн", "grain export", "асыл тұқым", "племенн", "pedigree", "мясо", "мяса",
            "мясн", "meat", "ет$", "ет өндір", "ет комбинат",
            "farm$", "farms$", "farming", "farmland", "crop$", "crops$", "yield$", "yields$", "seed$", "seeds$",
            "tractor", "drought", "fish$", "fishery", "fisheries", "fish farm", "camel", "breeder",
            "livestock breeding", "cattle breeding", "horse breeding", "beekeep", "honey", "apiar", "fruit$", "fruits$",
            "melon", "grape", "vineyard", "wool$", "shubat", "kumis", "koumiss", "herd$", "herds$", "cows$", "calves",
            "lambs$", "plough", "threshing", "threshed", "barley", "oats$", "maize", "brucellosis", "рыба$", "рыбы$",
            "рыбу$", "рыбой", "рыбн", "рыбовод", "улов$", "улова$", "верблюд", "коневод", "пчеловод", "пасек", "мёд$",
            "трактор", "семена", "семян", "засух", "ячмен", "кукуруз", "шерст", "кумыс", "шубат", "поголов", "фермы$",
            "ферме$", "ферму$", "фрукт", "виноград", "плодоовощ", "бахча$", "бахчи$", "бахче$", "орошен", "жатв",
            "балық$", "балықтың", "балық шаруашылығ", "түйе", "жылқы", "омарта", "тұқым", "құрғақшылық", "арпа$",
            "жүгері", "жүн$", "қымыз", "шұбат", "сиыр", "бие$", "шөп", "ферма", "жеміс$", "жемістер", "жеміс-жидек",
            "жүзім", "қауын", "қарбыз", "суару",
        ],
        .environment: [
            "эколог", "ecolog", "environment", "қоршаған орта", "окружающ", "лес", "орман", "forest", "природ",
            "табиғат",
            "nature", "отход", "қалдық", "waste", "выброс", "шығарынды", "emission", "климат", "climate", "воздух",
            "sewage", "сточн вод",
            "ауа$",
            "ауаның", "air quality", "air$", "озелен", "көгалдандыру", "greening", "водн ресурс", "water resourc",
            "су ресурс", "субботник", "сенбілік", "clean-up", "таза қазақстан", "clean kazakhstan", "мусор", "қоқыс",
            "garbage", "litter", "tree", "ағаш", "ағаш кес", "рубк", "вырубк", "logging", "felling", "дерев", "саженц",
            "көшет", "sapling", "пластик", "plastic", "сайгак",
            "киік", "ақбөкен", "saiga", "итбалық", "тюлен", "seal$", "seals$", "арал$", "арал теңіз", "аральск море",
            "аральского моря", "aral sea", "сексеуіл", "саксаул",
            "saxaul", "заповедн", "қорық", "reserve$", "жануарлар", "животн мир", "wildlife", "водохранилищ",
            "су қоймасы", "reservoir", "озер", "көл$", "lake", "загрязн", "ласта", "pollut", "очистн", "тазарту",
            "treatment plant", "сброс", "discharg", "уылдырық", "нерест", "spawning", "рыбоохран", "fishing ban",
            "snow leopard", "ирбис", "барыс", "снежн барс", "леопард", "редк вид", "сирек кездесетін", "rare species",
            "красн книг", "қызыл кітап", "red book", "camera trap", "фотоловуш", "фотоқақпан", "листв", "жапырақ",
            "leaves$", "сжиган", "өртеу", "burning", "тереңдет", "углублен", "dredg", "русл", "арна$", "арнасы",
            "арнасын", "арнаны", "riverbed", "река", "реки", "өзен", "river",
            "recycl", "species", "glacier", "ледник", "мұздық",
        ],
    ]

    /// What the publishing body says about its news, by kind or by slug.
    static func prior(for source: Source) -> (Section, Double, String)? {
        let slug = source.slug
        let parts = Set(slug.split(separator: "-").map(String.init))
        func has(_ words: String...) -> Bool { words.contains { parts.contains($0) || slug == $0 } }
        // Whatever an embassy writes about (a concert, a rescue service, a university) is news of
        // Kazakhstan's foreign relations.
        if source.kind == .embassy { return (.world, 8, "publisher is an embassy") }
        if slug == "mfa" { return (.world, 5, "publisher is a diplomatic body") }
        if source.kind == .taxDepartment || has("kgd", "minfin", "economy", "karzhy", "finance", "fin", "krem", "ardfm", "afm", "stat")
        { return (.economics, 4, "publisher is a finance or tax body") }
        if has("mod", "emer", "knb", "shekaraknb") { return (.defence, 4, "publisher is a defence or security body") }
        if has("adilet", "prokuror", "prokuratura", "anticorruption", "sud") { return (.law, 4, "publisher is a justice body") }
        if has("qriim", "mvd", "police") { return (.law, 3, "publisher is a police body") }
        if has("mti", "damu", "kasipkerlik", "invest") { return (.business, 3, "publisher is a trade or enterprise body") }
        if has("tourism", "turizm") { return (.tourism, 4, "publisher is a tourism body") }
        if has("geology", "kazcosmos") { return (.science, 4, "publisher is a science body") }
        if has("tabigat", "tabigi", "ecology") { return (.environment, 4, "publisher is a natural resources body") }
        if has("dsm", "densaulyk") { return (.health, 4, "publisher is a health body") }
        if has("edu", "sci", "bilim") { return (.education, 4, "publisher is an education body") }
        if has("sport", "tsm") { return (.sport, 3, "publisher is a sport body") }
        if has("moa", "agro", "ashm", "veterinaria", "vet", "zher") { return (.agriculture, 4, "publisher is an agriculture body") }
        if has("ecogeo", "forest", "water", "fish", "fishery") { return (.environment, 4, "publisher is an environment body") }
        if has("mam", "madeniet") { return (.culture, 4, "publisher is a culture body") }
        if source.kind == .maslikhat { return (.politics, 2, "publisher is a maslikhat") }
        if source.kind == .akimat { return (.society, 2, "publisher is an akimat") }
        return nil
    }

    /// The section of an article by the model fitted to the bundled labelled set (`SectionModel`):
    /// the hand-written evidence above, weighed as the labelled articles taught.
    public static func classify(source: Source, title: String, paragraphs: [String], region: String? = nil) -> Result {
        SectionModel.bundled.classify(source: source, title: title, paragraphs: paragraphs, region: region)
    }

    /// The text of a labelled body, as the cleaner gives it to the classifier at ingest.
    static func paragraphs(ofHTML html: String) -> [String] {
        HTMLCleaner().clean(html).paragraphs
    }

    /// Places named after a poet, a holiday or labour (Abai region as the region resolver names it,
    /// "проспект Абая", "Наурызбай ауданы", "Еңбекшіқазақ ауданы"), and a river's banks ("the left bank" of Astana): the
    /// words they cover are no evidence of culture, of work or of finance.
    static let placeNames: [[[Unicode.Scalar]]] = ((RegionResolver.mentions.first { $0.code == "abay" }?.stems ?? []) + [
        "абайской облас", "абайская облас", "region of abai", "абай аудан", "абайск район", "abai district",
        "abay district", "проспект абая", "проспекта абая", "улиц абая", "абай даңғыл", "абай көше", "abai avenue",
        "abai street", "наурызбай", "nauryzbay", "left bank", "right bank", "river bank", "river banks",
        "еңбекшіқазақ", "енбекшиказах", "enbekshikazakh", "еңбекші аудан", "енбекшинск", "enbekshi district",
    ]).map { $0.split(separator: " ").map { Array($0.unicodeScalars) } }

    /// The place names by the first two letters of their first word, as the stems are (`index`).
    static let placeIndex: [UInt64: [[[Unicode.Scalar]]]] = Dictionary(grouping: placeNames) { head($0.first ?? []) }

    struct Key: Hashable {
        var section: Section
        var stem: String
    }

    /// A stem ready for comparison: its key and its letters as Unicode scalars.
    struct Entry {
        var key: Key
        /// The stem's words, each as scalars.
        var words: [[Unicode.Scalar]]
        /// The last word must end where the stem does ("visit$").
        var whole: Bool

        /// This stem has more words than `other` and each of `other`'s words begins its own.
        func subsumes(_ other: Entry) -> Bool {
            words.count > other.words.count && zip(other.words, words).allSatisfy { $1.starts(with: $0) }
        }
    }

    /// A stem as evidence is named: without the whole-word mark.
    static func stemKey(_ stem: String) -> String {
        var clean = stem.trimmingCharacters(in: .whitespaces)
        if clean.hasSuffix("$") { clean.removeLast() }
        return clean
    }

    /// The first two scalars of a word, packed, to find the handful of stems it can start with.
    static func head(_ scalars: some Collection<Unicode.Scalar>) -> UInt64 {
        var iterator = scalars.makeIterator()
        let first = UInt64(iterator.next()?.value ?? 0), second = UInt64(iterator.next()?.value ?? 0)
        return first << 32 | second
    }

    /// Stems by their first two letters, so each word is compared with a handful of stems.
    static let index: [UInt64: [Entry]] = {
        var index: [UInt64: [Entry]] = [:]
        for (section, list) in stems {
            for stem in list {
                let clean = stemKey(stem)
                let whole = stem.hasSuffix("$")
                // Split as the text is: hyphens and other marks part words ("дәрі-дәрмек", "clean-up").
                let words = clean.unicodeScalars.split { !(ScalarClass.isAlphabetic($0) || ("0"..."9").contains($0)) }
                    .map { Array($0) }
                guard let first = words.first else { continue }
                index[head(first), default: []].append(Entry(key: Key(section: section, stem: clean), words: words, whole: whole))
            }
        }
        return index
    }()

    /// How often each stem starts a word (or, for several-word stems, a run of words) of `text`.
    /// Works on Unicode scalars: this runs on every ingested text and was most of the classifier's cost.
    static func matches(in text: String, limit: Int) -> [Key: Int] {
        // The text as lower-case scalars with single spaces between words, and where each word starts.
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var inWord = false
        scan: for scalar in text.unicodeScalars {
            let isWordScalar = ScalarClass.isAlphabetic(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isWordScalar {
                if !inWord {
                    if starts.count == limit { break scan }
                    if !scalars.isEmpty { scalars.append(" ") }
                    starts.append(scalars.count)
                    inWord = true
                }
                ScalarClass.forEachLowercase(scalar) { scalars.append($0) }
            } else {
                inWord = false
            }
        }
        func word(_ position: Int) -> ArraySlice<Unicode.Scalar> {
            let end = position + 1 < starts.count ? starts[position + 1] - 1 : scalars.count
            return scalars[starts[position]..<end]
        }
        var covered = Set<Int>()
        for position in starts.indices {
            for place in placeIndex[head(word(position))] ?? [] where position + place.count <= starts.count
                && place.indices.allSatisfy({ word(position + $0).starts(with: place[$0]) }) {
                covered.formUnion(position..<(position + place.count))
            }
        }
        var counts: [Key: Int] = [:]
        var matched: [Entry] = []
        var inside = 0
        for position in starts.indices where !covered.contains(position) && position >= inside {
            guard let candidates = index[head(word(position))] else { continue }
            matched.removeAll(keepingCapacity: true)
            candidates: for entry in candidates {
                // Each word of the stem starts the next word of the text; a whole-word stem's last
                // word is all of it.
                guard position + entry.words.count <= starts.count else { continue }
                for (offset, stemWord) in entry.words.enumerated() {
                    let text = word(position + offset)
                    guard text.starts(with: stemWord) else { continue candidates }
                    if entry.whole, offset == entry.words.count - 1, text.count != stemWord.count { continue candidates }
                }
                matched.append(entry)
            }
            // A phrase is one piece of evidence: a longer stem that begins with a shorter one's words
            // is the more specific ("human rights council" is not "human rights" as well), and the
            // words inside a matched phrase start no stem of their own ("сад" in "детский сад").
            for entry in matched where !matched.contains(where: { $0.subsumes(entry) }) {
                counts[entry.key, default: 0] += 1
                inside = max(inside, position + entry.words.count)
            }
        }
        return counts
    }
}
