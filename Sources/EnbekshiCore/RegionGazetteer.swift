/// Districts and towns of every region, for telling an article's region from its text when the
/// publisher does not tell it. Districts come from gov.kz's own slugs (`abay-urzhar-akshoky`: Urzhar
/// is a district of Abay region because rural districts sit under it), towns from a short list of
/// the cities people write about; each in Latin, Russian and Kazakh spelling, cut to a stem that
/// case endings do not change ("Шортандинский", "Шортанды ауданы" → "шортан").
public enum RegionGazetteer {
    /// Place names that are also common words, rivers, lakes or people, or belong to two regions.
    /// A district named after a person (Zhanibek, Syrym, Isatai, Baidibek…) is found only with its
    /// word for district: the person is named far more often than the place, in every anniversary.
    static let ambiguous: Set<String> = [
        "gm", "mzh", "pvl", "sand", "memleket", "zhambyl", "abai", "altay", "esil", "shu", "aral", "talas", "ulan",
        "samar", "alga", "temir", "egin", "akkol", "aksu", "koksu", "sarykol", "denisov", "fedorov", "bmalin",
        "kostanai", "astrahan", "makat", "zhaksy", "karatal", "altynsarin", "amangeldi", "kurmangazy", "zhangeldi", "zhanibek", "syrym", "isatai", "baiganin", "bayganin", "baidibek", "tolebi", "timiryazev", "ualikhanov", "panfilov", "semey",
        // "Глубокое" cut to a stem is "глубокие соболезнования".
        "glubokoe",
    ]

    /// Towns outside the slug list, by region: (Latin, Russian, Kazakh).
    static let towns: [(code: String, names: [String])] = [
        ("akmola", ["kokshetau", "кокшетау", "көкшетау", "stepnogorsk", "степногорск", "shchuchinsk", "щучинск", "burabay", "бурабай"]),
        ("zhambyl", ["taraz", "тараз"]),
        // Altyn-Emel lies in Kerbulak and Panfilov districts, Zhetysu's since 2022.
        ("zhetysu", ["taldykorgan", "талдыкорган", "талдықорған", "zharkent", "жаркент", "tekeli", "текели", "altyn-emel", "алтын-эмел", "алтынэмел", "алтын-емел"]),
        ("west-kazakhstan", ["uralsk", "уральск", "aksay", "аксай", "ақсай", "оралда", "орал қаласы", "in oral$", "oral city", "city of oral"]),
        ("north-kazakhstan", ["petropavl", "петропавл"]),
        ("east-kazakhstan", ["ust-kamenogorsk", "усть-каменогорск", "oskemen", "өскемен", "ridder", "риддер", "zaisan", "зайсан"]),
        ("mangystau", ["aktau", "актау", "ақтау", "zhanaozen", "жанаозен", "жаңаөзен", "beineu", "бейнеу"]),
        ("ulytau", ["zhezkazgan", "жезказган", "жезқазған", "джезказган", "satpayev city", "сатпаев қаласы"]),
        ("almaty-region", [
            "konaev", "конаев", "қонаев", "kapshagay", "капшагай", "қапшағай", "талгар", "talgar", "charyn", "шарын", "чарын",
        ]),
        ("almaty", ["shymbulak", "шымбулак", "шымбұлақ", "medeu", "медеу"]),
        ("pavlodar", ["ekibastuz", "экибастуз", "екібастұз"]),
        ("karaganda", ["balkhash", "балхаш", "балқаш", "temirtau", "темиртау", "теміртау", "shakhtinsk", "шахтинск", "priozersk", "приозерск"]),
        ("turkistan", ["kentau", "кентау", "zhetysai", "жетысай", "жетісай", "sairam", "сайрам"]),
        ("kyzylorda", ["baikonur", "байконур", "байқоңыр"]),
        ("kostanay", ["rudny", "рудного", "рудном", "рудный калас", "рудныйда", "lisakovsk", "лисаковск", "arkalyk", "аркалык", "арқалық"]),
        ("atyrau", ["kulsary", "кульсары", "құлсары"]),
        ("abay", ["kurchatov", "курчатов", "ayagoz", "аягоз", "аягөз", "semey", "семее", "семея", "семейде", "урджар", "үржар"]),
        ("east-kazakhstan", ["katon-karagay", "катон-карагай", "катонқарағай", "катон-қарағай"]),
        ("aktobe", ["kandyagash", "кандыагаш", "қандыағаш", "khromtau", "хромтау"]),
    ]

    /// Districts and natural places by region, as news names them (Latin, Russian; Kazakh spellings
    /// are found through folding or given where they differ). Names that are common words
    /// ("Жақсы" is "good", "Серебрянск" starts "серебряный") are given with "district" or as stems.
    static let districts: [(code: String, names: [String])] = [
        ("almaty-region", [
            "enbekshikazakh", "енбекшиказах", "еңбекшіқазақ", "karasay", "карасай", "қарасай", "ile district", "илийск",
            "іле аудан", "kegen", "кеген", "raiymbek", "райымбек", "uygur district", "уйгурск", "ұйғыр аудан", "kaskelen",
            "каскелен", "қаскелең", "boraldai", "боралдай", "ile-alatau", "иле-алатау", "іле алатау", "turgen", "тургень",
            "түрген", "alatau city", "алатау қаласы",
        ]),
        ("zhetysu", ["karatal district", "каратальск-", "қаратал аудан", "ushtobe", "уштобе", "үштөбе", "lepsy", "лепсы", "kapal", "капал", "қапал", "zharkent"]),
        ("abay", ["makanchi", "маканчи", "мақаншы", "beskaragai", "бескарагай", "бесқарағай", "ayagoz", "semipalatinsk", "семипалатинск"]),
        ("east-kazakhstan", [
            "glubokoe", "глубоковск", "zaisan", "зайсан", "kurchum", "курчум", "күршім", "tarbagatai", "тарбагатай",
            "shemonaikha", "шемонаих", "zyryanovsk", "зыряновск", "altai city", "serebryansk", "серебрянск",
            "bukhtarma", "бухтарм",
        ]),
        ("pavlodar", [
            "bayanaul", "баянаул", "баянауыл", "irtyshsk", "иртышск", "ertis district", "ертіс аудан", "kachiry", "качир", "akkuly",
            "аккулы", "железинк", "sharbakty", "щербакт", "шарбақты",
        ]),
        ("karaganda", [
            "saran", "сарань", "bukhar-zhyrau", "бухар-жырау", "бұқар жырау", "osakarovka", "осакаров", "karkaraly",
            "каркаралы", "қарқаралы", "aktogay district", "актогайск", "priozersk", "шахтинск",
        ]),
        // The town, not the geologist it is named after: with "city" or in the locative ("в Сатпаеве", "Сәтбаевта").
        ("ulytau", ["satpayev", "сатпаев қала", "сәтбаев қала", "город сатпаев", "города сатпаев", "городе сатпаев", "в сатпаеве-", "сәтбаевта-", "сатпаевта-", "жезқазған", "ulytau district", "улытауск"]),
        ("akmola", [
            "zerendy", "зерендин", "зеренді", "sandyktau", "сандыктау", "atbasar", "атбасар", "arshaly", "аршалы",
            "astrakhanka", "астраханка", "astrakhan district", "астраханский район", "астраханского район", "астраханском район", "астрахан аудан", "bulandy", "буландин", "egindykol", "егиндыколь", "yereymentau", "ерейментау",
            "zharkain", "жаркаин", "korgalzhyn", "коргалжын", "қорғалжын", "birzhan sal", "биржан сал", "tselinograd",
            "целиноград", "kosshy", "косшы", "қосшы", "shortandy", "шортанд", "makinsk", "макинск", "zhaksy district", "жаксынск-", "жақсы аудан",
            "akkol district", "аккольский район", "аккольского район", "аккольском район", "ақкөл аудан", "town of akkol", "город акколь",
            "города акколь", "городе акколь", "ақкөл қала",
        ]),
        ("kostanay", [
            "zhitikara", "житикар", "kamysty", "камыст", "karabalyk", "карабалык", "mendykara", "мендыкар", "naurzum",
            "наурзум", "наурызым", "taran", "таран", "uzunkol", "узунколь", "auliekol", "аулиеколь", "әулиекөл", "beimbet mailin",
            "беимбет майлин", "тобол",
        ]),
        ("north-kazakhstan", [
            "ayirtau", "айыртау", "akzhar", "акжар", "akkayin", "аккайын", "mamlyut", "мамлют", "magzhan zhumabayev district",
            "район магжан", "мағжан жұмабаев аудан", "gabit musrepov district", "район габит", "ғабит мүсірепов аудан", "kyzylzhar",
            "кызылжар", "taiynsha", "тайынша", "shal akyn district", "район шал акын", "шал ақын аудан", "bulaevo", "булаево", "petropavlovsk",
            "петропавловск",
        ]),
        ("west-kazakhstan", [
            "akzhaik", "акжаик", "ақжайық", "bokey orda", "бокейорд", "бөкей орда", "burlin", "бурлин", "zhanibek district",
            "жанибекск-", "жәнібек аудан", "zhangala", "жангал", "kaztalovka", "казталов", "karatobe", "каратоб", "syrym district", "сырымск-", "сырым аудан", "taskala",
            "таскал", "terekti", "теректин", "chingirlau", "чингирлау", "шыңғырлау",
        ]),
        ("atyrau", ["zhylyoi", "жылыой", "inder", "индер", "isatai district", "исатайск-", "исатай аудан", "kyzylkoga", "кызылког", "makat district", "макатск-", "мақат аудан", "макат$", "мақат кент"]),
        ("mangystau", [
            "karakiya", "каракия", "tupkaragan", "тупкараган", "түпқараған", "fort-shevchenko", "форт-шевченко",
            "munaily", "мунайлин", "мұнайлы", "mangistau district", "мангистауск аудан",
        ]),
        ("aktobe", [
            "bayganin district", "байганинск-", "байғанин аудан", "irgiz", "иргиз", "ырғыз", "kargaly", "каргалин", "martuk", "мартук", "мәртөк",
            "mugalzhar", "мугалжар", "мұғалжар", "эмба", "khromtau", "хромтау", "shalkar", "шалкар", "aitekebi",
            "айтекеби",
        ]),
        ("kyzylorda", [
            "karmakshy", "кармакшин", "қармақшы", "zhanakorgan", "жанакорган", "жаңақорған", "ainakol", "shieli",
            "шиели", "aralsk", "аральск", "арал қаласы", "kazalinsk", "казалинск",
        ]),
        ("turkistan", [
            "tole bi district", "толеби", "төле би аудан", "ordabasy", "ордабасин", "ордабасы", "maktaaral", "мактаарал", "мақтаарал",
            "kazygurt", "казыгурт", "қазығұрт", "baidibek district", "байдибекск-", "бәйдібек аудан", "tulkibas", "тюлькубас", "түлкібас",
            "shardara", "шардар", "sozak", "созак", "созақ", "keles district", "келесск", "келес аудан", "sauran", "сауран", "lenger", "ленгер",
        ]),
        ("zhambyl", [
            "baizak", "байзак", "байзақ", "moiynkum", "мойынкум", "мойынқұм", "sarysu", "сарысу", "zhanatas", "жанатас",
            "turar ryskulov district", "рыскуловск-", "zhualy", "жуалы", "шу ауданы", "шуский район", "korday", "кордай",
        ]),
    ]

    /// District centres, villages, oil and gas fields and city districts that the slugs do not
    /// name, by region. A district of a city is given with its word for district: alone, "Медеу"
    /// or "Жетысу" name other things too.
    static let localities: [(code: String, names: [String])] = [
        ("almaty-region", [
            "esik", "uzynagash", "узынагаш", "ұзынағаш", "bakanas", "баканас", "бақанас", "narynkol",
            "нарынкол", "нарынқол", "chundzha", "чунджа", "шонжы", "otegen batyr", "отеген батыр", "өтеген батыр",
            "shelek", "шелек", "chilik", "чилик", "шілік", "balkhash district", "балхашский район", "балхашского район",
            "балхашском район", "балқаш аудан",
        ]),
        ("zhetysu", [
            "usharal", "ушарал", "zhansugurov", "жансугуров", "жансүгіров", "saryozek", "сарыозек", "сарыөзек",
            "balpyk bi", "балпык би", "балпық би", "nur zholy", "нур жолы", "нұр жолы", "panfilov district", "панфиловск-", "панфилов аудан", "koksu district",
            "коксуск-", "көксу аудан", "aksu district", "аксуский район", "аксуского район", "аксуском район", "ақсу аудан", "sarkand", "сарканд", "сарқанд",
        ]),
        ("abay", [
            "karaul", "zhanasemey", "жанасемей", "жаңасемей", "kalbatau", "калбатау", "қалбатау", "semey ormany", "семей орманы", "semey forest",
        ]),
        ("akmola", [
            "stepnyak", "степняк", "derzhavinsk", "державинск", "balkashino", "балкашино", "akmol village", "село акмол",
            "ақмол ауыл",
        ]),
        ("aktobe", [
            "karauylkeldy", "карауылкельды", "қарауылкелді", "badamsha", "бадамша", "shubarkuduk", "шубаркудук",
            "шұбарқұдық", "karabutak", "карабутак", "қарабұтақ", "alga district", "алгинск-", "алға аудан", "temir district",
            "темирск-", "темір аудан", "uil district", "уилск-", "ойыл аудан", "zhanazhol", "жанажол", "жаңажол", "kenkiyak",
            "кенкияк", "кеңқияқ",
        ]),
        ("atyrau", [
            "tengiz field", "tengiz oil", "tengizchevroil", "тенгизшевройл", "теңізшевройл", "месторождение тенгиз", "месторождении тенгиз", "месторождения тенгиз", "тенгизск-", "теңіз кен", "kashagan", "кашаган", "қашаған", "karabatan", "карабатан", "dossor", "доссор",
            "ganyushkino", "ганюшкино", "inderbor", "индербор", "akkystau", "аккыстау", "ақкыстау", "miyaly", "миялы",
            "kurmangazy district", "курмангазинск-", "құрманғазы аудан", "makhambet district", "махамбетск-",
            "махамбет аудан",
        ]),
        ("west-kazakhstan", [
            "karachaganak", "карачаганак", "қарашығанақ", "saikhin", "сайхин", "zhympity", "жымпиты", "peremetnoe",
            "переметное", "bayterek district", "байтерекск-", "бәйтерек аудан", "borili", "бөрлі",
        ]),
        ("zhambyl", [
            "sarykemer", "сарыкемер", "kordai", "merke", "karatau city", "город каратау", "каратау қала",
            "talas district", "таласский район", "таласского район", "таласском район", "талас аудан",
        ]),
        ("karaganda", [
            "nura district", "нуринск-", "kiyevka", "киевка", "shet district", "шетск-", "шет аудан", "aksu-ayuly",
            "аксу-аюлы", "ақсу-аюлы", "botakara", "ботакара",
        ]),
        ("ulytau", ["karazhal", "каражал", "қаражал", "atasu", "атасу", "zhanaarka", "жанаарка", "жаңаарқа"]),
        ("kostanay", [
            "zatobolsk", "затобольск", "ubagan", "убаган", "обаған", "karamendy", "карамеңды", "карамендинск",
            "borovskoy", "боровской", "denisovka", "денисовка", "amangeldi district", "амангельдинск-",
            "амангелді аудан", "altynsarin district", "алтынсаринск-", "алтынсарин аудан",
        ]),
        ("kyzylorda", [
            "zhosaly", "жосалы", "terenozek", "теренозек", "тереңөзек", "barsakelmes", "барсакельмес", "барсакелмес", "syrdarya district", "сырдарьинский район", "сырдарьинского район", "сырдарьинском район",
            "сырдария аудан", "kazaly", "қазалы", "aral district", "арал аудан",
        ]),
        ("mangystau", [
            "kuryk", "курык", "құрық", "ustyurt reserve", "устюртск-", "үстірт қорығ", "shetpe", "шетпе", "kalamkas", "каламкас", "қаламқас", "zhetybai", "жетыбай",
            "жетібай", "karazhanbas", "каражанбас", "қаражанбас", "kenderli", "кендерли-", "кендірлі-", "uzen field",
            "месторождение узень", "өзен кен",
        ]),
        ("pavlodar", [
            "aksu city", "город аксу", "ақсу қала", "аксуский ферросплав", "aksu ferroalloy", "may district", "майский район", "майского район", "майском район",
            "ertis ormany", "ертіс орманы", "ертис орманы", "irtysh forest",
            "май аудан", "maikain", "майкаин", "майқайың",
        ]),
        ("north-kazakhstan", [
            "saumalkol", "саумалколь", "саумалкөл", "talshik", "талшик", "smirnovo", "смирново", "yavlenka", "явленка",
            "presnovka", "пресновка", "beskol", "бесколь", "бескөл", "novoishimsk", "новоишимск", "kishkenekol",
            "кишкенеколь", "кішкенекөл", "timiryazev district", "тимирязевск-", "тимирязев аудан", "ualikhanov district",
            "уалихановск-", "уәлиханов аудан",
        ]),
        ("turkistan", [
            "arys", "арысь", "арыси", "арыс қала", "shayan", "шаян", "myrzakent", "мырзакент", "shauildir", "шаульдер", "шәуілдір", "aksukent",
            "аксукент", "ақсукент", "sholakkorgan", "шолаккорган", "шолаққорған", "kaplanbek", "капланбек", "asykata", "асыката", "асықата",
            "zhetisai", "aksu-zhabagly", "аксу-жабаглы", "ақсу-жабағлы", "sairam-ugam", "сайрам-угам", "сайрам-өгем",
        ]),
        ("east-kazakhstan", [
            "ulken naryn", "улкен нарын", "үлкен нарын", "belousovka", "белоусовка", "ulan district", "уланск-",
            "ұлан аудан", "samar district", "самарский район", "самарского район", "самар аудан", "altai district",
            "алтайский район", "алтайского район", "алтай аудан", "kasym kaisenov", "касыма кайсенова", "қасым қайсенов",
            "shilikti", "шиликти", "шілікті", "maikapshagai", "майкапшагай", "майқапшағай", "berel", "берел", "west altai reserve", "западно-алтайск", "батыс алтай",
        ]),
        ("astana", [
            "nazarbayev university", "назарбаев университет", "eurasian national university", "евразийского национального университета",
            "евразийский национальный университет", "еуразия ұлттық университет", "гумилев", "gumilyov",
            "national museum of kazakhstan", "national museum of the republic of kazakhstan", "национальный музей республики казахстан",
            "национального музея республики казахстан", "национальном музее республики казахстан", "қазақстан республикасының ұлттық музей",
            "saryarka district", "района сарыарка", "район сарыарка", "сарыарка аудан", "almaty district",
            "алматинский район", "алматинского район", "алматинском район", "алматы аудан", "baikonur district",
            "baikonyr district", "байконурский район", "байконурского район", "байконурском район", "байқоңыр аудан",
        ]),
        ("almaty", [
            "tuyuksu", "туюксу", "тұйықсу", "kaznu", "казну", "қазұу", "университета имени аль-фараби", "университет имени аль-фараби",
            "al-farabi kazakh national", "әл-фараби атындағы қазақ ұлттық", "satbayev university", "сатпаев университет",
            "almaly district", "алмалинск-", "алмалы аудан", "auezov district", "ауэзовский район", "ауэзовского район",
            "ауэзовском район", "әуезов аудан", "bostandyk district", "бостандыкск-", "бостандық аудан", "nauryzbay district",
            "наурызбайск-", "наурызбай аудан", "turksib district", "турксибск-", "түрксіб аудан", "zhetysu district",
            "жетысуский район", "жетысуского район", "жетысуском район", "жетісу аудан", "alatau district", "алатауский район",
            "алатауского район", "алатауском район", "алатау аудан",
        ]),
        ("shymkent", [
            "al-farabi district", "аль-фарабийск-", "әл-фараби аудан", "enbekshi district", "енбекшинский район",
            "енбекшинского район", "енбекшинском район", "еңбекші аудан", "karatau district", "каратауский район",
            "каратауского район", "каратауском район", "қаратау аудан", "turan district", "туранский район",
            "туранского район", "туранском район", "тұран аудан",
        ]),
    ]

    /// Natural places, heritage sites, border crossings and venues that lie in one region, as news
    /// names them: a story at the Bakhty crossing or the Kasteyev museum happens in that region
    /// though no town is named. Names that are common words too ("Достық" is friendship, "Үлкен" big)
    /// are given with the word that makes them the place.
    static let sites: [(code: String, names: [String])] = [
        ("almaty-region", [
            "tamgaly", "тамгалы", "khan tengri", "хан-тенгри", "хан тәңірі", "kolzhat", "колжат", "калжат", "қалжат", "village of ulken", "ulken village",
            "улькен", "үлкен ауыл", "almaty reserve", "алматинский заповедник", "алматинского заповедник", "алматы қорығ",
        ]),
        ("zhetysu", [
            "dostyk station", "dostyk checkpoint", "станция достык", "станции достык",
            "достық стансасы", "altynkol", "алтынколь", "алтынкөл", "zhongar", "джунгарск", "жонгар", "жоңғар",
            "alakol reserve", "алакольский заповедник", "алакольского заповедник", "алакөл қорығ",
            // The border crossing and the resort villages on Alakol's Zhetysu shore.
            "khorgos", "хоргос", "қорғас", "koktuma", "коктума", "көктұма", "akshi$", "акши$", "ақши$",
        ]),
        ("abay", [
            "bakhty", "бахты", "бақты", "zhidebay", "жидебай", "chingistau", "чингистау", "шыңғыстау",
            "semey city", "city of semey", "in semey$", "город семей", "города семей", "семей қала",
        ]),
        ("east-kazakhstan", [
            "belukha", "белуха", "белухи", "белуху", "rakhmanov", "рахмановск", "рахман қайнар",
            "kiin-kerish", "киин-кериш", "kazzinc", "казцинк", "ulba metallurg", "ульбинск", "үлбі металлург",
        ]),
        ("akmola", ["borovoe", "borovoye", "боровое", "боровом", "борового", "okzhetpes", "окжетпес", "оқжетпес", "zhumbaktas", "жумбактас", "жұмбақтас"]),
        ("karaganda", ["karlag", "карлаг", "dolinka", "долинк", "spassk memorial", "спасск"]),
        ("ulytau", ["alasha khan", "алаша-хан", "алаша хан"]),
        ("turkistan", [
            "otrar", "отрар", "yasawi mausoleum", "yassawi mausoleum", "mausoleum of khoja ahmed", "мавзолей ходжи ахмеда",
            "мавзолея ходжи ахмеда", "мавзолее ходжи ахмеда", "қожа ахмет ясауи кесене", "arystan bab", "арыстан баб", "арыстанбаб",
            "ukash ata", "укаш ата", "үкаша ата",
        ]),
        ("kyzylorda", [
            "kokaral", "кокарал", "көкарал", "syganak", "сыганак", "сығанақ",
        ]),
        ("mangystau", ["bozzhyra", "бозжыра", "beket-ata", "бекет-ата", "бекет ата", "sherkala", "шеркала", "tazhen", "таджен", "тажен"]),
        ("atyrau", ["ural delta", "delta of the ural", "дельта урала", "дельте урала", "дельту урала", "дельты урала"]),
        ("north-kazakhstan", ["botai", "ботай", "sergeyevka", "сергеевк"]),
        ("pavlodar", ["moiyldy", "мойылды"]),
        ("zhambyl", [
            "aisha bibi", "aisha-bibi", "айша-биби", "айша биби", "айша бибі", "akyrtas", "акыртас", "ақыртас",
            "karakhan mausoleum", "мавзолей карахана", "қарахан кесене",
        ]),
        ("astana", [
            "khan shatyr", "хан шатыр", "хан-шатыр", "palace of peace and reconciliation", "дворец мира и согласия",
            "дворца мира и согласия", "дворце мира и согласия", "бейбітшілік және келісім сарай", "hazret sultan",
            "хазрет султан", "әзірет сұлтан", "alau ice palace", "ледовый дворец «алау»", "ледовом дворце «алау»", "алау мұз",
        ]),
        ("almaty", [
            "kasteyev", "кастеев", "қастеев", "central state museum", "центральный государственный музей",
            "центрального государственного музея", "центральном государственном музее", "орталық мемлекеттік музей",
            "kok-tobe", "kok tobe", "кок-тобе", "көктөбе", "abai opera", "театр оперы и балета имени абая",
            "театре оперы и балета имени абая", "абай атындағы опера",
        ]),
    ]

    /// Lakes, seas and reservoirs that lie in one region: named as a lake ("Зайсан көлі", "the Aral
    /// Sea") they are still the region's place, unlike Balkhash or Alakol, which `RegionResolver`
    /// reads as landmarks. A town named like its lake (Zaisan, Burabay) is in `towns` too.
    public static let lakes: [(code: String, names: [String])] = [
        ("almaty-region", ["kolsay", "kolsai", "көлсай", "кольсай", "kaindy", "каинды", "қайыңды көл", "bartogay", "бартогай", "бартоғай"]),
        ("east-kazakhstan", ["zaisan", "зайсан", "markakol", "маркаколь", "марқакөл", "sibiny", "сибинск", "сибин көл"]),
        ("akmola", ["burabay", "бурабай"]),
        ("pavlodar", ["zhasybay", "жасыбай"]),
        ("ulytau", ["kengir", "кенгир", "кеңгір"]),
        ("zhambyl", ["tasotkel", "тасоткел", "тасөткел"]),
        // The northern Aral, all Kazakhstan keeps of the sea, is Kyzylorda's.
        ("kyzylorda", [
            "aral sea", "аральское море", "аральского моря", "аральском море", "арал теңіз", "north aral", "северный арал",
            "северного арал", "кіші арал",
        ]),
    ]

    /// Region code → stems of its places, lower case.
    public static let places: [String: [String]] = {
        var regionsByName: [String: Set<String>] = [:]
        var children: [String: Set<String>] = [:]
        let slugs = ((try? SourceCatalog.bundled()) ?? []).map(\.slug)
        for slug in slugs {
            let parts = slug.split(separator: "-").map(String.init)
            guard parts.count >= 3, let region = Region.slugPrefixes[parts[0]] else { continue }
            children["\(region) \(parts[1])", default: []].insert(parts[2])
        }
        for (key, kids) in children where kids.count >= 2 {
            let pieces = key.split(separator: " ").map(String.init)
            guard pieces.count == 2, pieces[1].count >= 5, !ambiguous.contains(pieces[1]) else { continue }
            regionsByName[pieces[1], default: []].insert(pieces[0])
        }
        var result: [String: Set<String>] = [:]
        for (name, regions) in regionsByName where regions.count == 1 {
            guard let region = regions.first else { continue }
            let forms = Transliteration.names(name)
            let russian = forms.ru.lowercased()
            var spellings = [name, russian, forms.kk.lowercased()]
            // Kazakh writes "қ" where the slug has "kh" (Qobda, not Khobda).
            if name.hasPrefix("kh") { spellings.append("к" + russian.dropFirst()) }
            // A slug's "ya" after a consonant is as often "ы" and "а" (Saryagash, "Сарыағаш") as "я".
            if let split = splitYa(russian) { spellings.append(split) }
            for spelling in spellings { result[region, default: []].insert(stem(spelling)) }
            // The Russian adjective the district is named with: "Хобдинский", "Жалагашский".
            if let adjective = adjective(russian) { result[region, default: []].insert(adjective) }
        }
        // A name ending in "-" is a stem already: cut shorter it would be a common word.
        for (region, names) in towns + districts + localities + sites + lakes {
            for name in names { result[region, default: []].insert(name.hasSuffix("-") ? String(name.dropLast()) : stem(name)) }
        }
        return result.mapValues { Set($0.flatMap(latinSpellings).map(folded)).sorted() }
    }()

    /// A stem with the other Latin spelling of its start: English writes Kazakh "Ж" as "zh" or, in
    /// older and Kazakh-Latin texts, "j" (Jezkazgan, Janaozen, Jambyl).
    public static func latinSpellings(_ stem: String) -> [String] {
        stem.hasPrefix("zh") ? [stem, "j" + stem.dropFirst(2)] : [stem]
    }

    /// "сарягаш" → "сарыагаш": "я" after a consonant read as "ыа"; nil when the name has no such "я".
    static func splitYa(_ russian: String) -> String? {
        var output = ""
        var previous: Character?
        var changed = false
        for letter in russian {
            if letter == "я", let previous, !"аеиоуыэюяёьъй ".contains(previous) {
                output += "ыа"
                changed = true
            } else {
                output.append(letter)
            }
            previous = letter
        }
        return changed ? output : nil
    }

    /// The part of a name that its case forms share, six letters at least (a five-letter stem is a
    /// common word too often: "қараж" starts "қаражат", money). Case endings replace a final vowel
    /// ("Караганда" → "Караганды") or an adjective's ending ("Боровской" → "Боровского") and follow
    /// a final consonant ("Иртышск" → "Иртышске"): cutting deeper leaves a root that names something
    /// else ("Астраханка" → Astrakhan, "Irtyshsk" → the Irtysh).
    static func stem(_ name: String) -> String {
        let letters = Array(name)
        let cut: Int
        if letters.count >= 2, softEndings.contains(String(letters.suffix(2))) {
            cut = 2
        } else if let last = letters.last, endingVowels.contains(last) {
            cut = 1
        } else {
            cut = 0
        }
        return String(name.prefix(max(6, name.count - cut)))
    }
    static let softEndings: Set<String> = ["ий", "ый", "ой", "ая", "ое", "ее", "ие", "ые", "ья", "ье", "ия", "яя"]
    static let endingVowels: Set<Character> = ["а", "я", "о", "е", "ы", "и", "ь", "й", "і", "ә", "a", "e", "i", "o", "y"]

    /// The Russian adjective of a district: a final vowel gives way to "-ин" ("Хобда" →
    /// "хобдин…"), a final consonant takes "-ск" ("Жалагаш" → "жалагашск…").
    static func adjective(_ russian: String) -> String? {
        guard let last = russian.last, russian.count >= 4 else { return nil }
        if "аыиеоя".contains(last) { return russian.dropLast() + "ин" }
        return "йь".contains(last) ? nil : russian + "ск"
    }

    /// Kazakh letters written as the Russian ones they sound like, so one spelling of a name finds
    /// the other ("Жалағаш" and "Жалагаш", "Ақтөбе" and "Актобе").
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(folding[scalar] ?? scalar) }
        return String(scalars)
    }

    static let folding: [Unicode.Scalar: Unicode.Scalar] = [
        "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
        // Kazakh in Latin letters, as some English texts write names ("Qaraǵandy", "Qostanaı",
        // "Túrkistan", "Mańǵystaý", "Aqtóbe"), read as the usual English spelling.
        "q": "k", "ǵ": "g", "ú": "u", "ý": "u", "ı": "i", "á": "a", "ó": "o", "ń": "n", "ü": "u", "ö": "o",
    ]
}
