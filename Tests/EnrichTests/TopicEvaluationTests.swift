import EnbekshiCore
@testable import Enrich
import Foundation
import Testing

@Suite("Sections and regions on held-out text")
struct TopicEvaluationTests {
    static let holdout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../eval/sections-holdout.jsonl")

    static func article(_ title: String, _ body: String, section: String, project: String = "", region: String = "republic") -> LabelledArticle {
        LabelledArticle(project: project, lang: "en", title: title, body: "<p>\(body)</p>", section: section, sectionAlternative: nil, region: region)
    }

    @Test("cross-validation never scores an article with a model fitted on it")
    func noLeak() {
        // One article whose section only its own made-up words tell, among plain sport news.
        var articles = (0..<9).map { Self.article("Boxing tournament number \($0)", "Boxers competed for medals in round \($0).", section: "sport") }
        articles.append(Self.article("Flurbo zindle quarp", "Flurbo zindle quarp flurbo zindle quarp.", section: "culture"))
        let evaluation = TopicEvaluation.crossValidate(articles, folds: 5)
        #expect(evaluation.overall.total == 10)
        #expect(evaluation.misses.contains { $0.contains("Flurbo zindle quarp") && $0.contains("want culture") })
        // Fitted on it, the model has learned the words: the same article scored in-sample is right.
        let fitted = SectionModel.initial.fitted(to: articles.map(SectionModel.Example.init))
        #expect(fitted.classify(source: Source(catalogSlug: ""), title: "Flurbo zindle quarp", paragraphs: ["Flurbo zindle quarp."]).primary == .culture)
    }

    @Test("a prediction of the editor's second choice counts as right, and is counted apart from exact ones")
    func alternative() throws {
        var article = Self.article("Farmers get subsidies for new combines", "Farmers received subsidies to buy combines.", section: "economics")
        article.sectionAlternative = "agriculture"
        let evaluation = TopicEvaluation.score([article], model: .bundled)
        #expect(evaluation.overall.sectionAccepted == 1)
        #expect(evaluation.overall.sectionExact == 0)
    }

    @Test("the bundled set cross-validated (5 folds) and the held-out set keep their measured figures")
    func figures() throws {
        let bundled = LabelledArticle.bundled
        #expect(bundled.count >= 500)
        let folds = TopicEvaluation.crossValidate(bundled, folds: 5)
        #expect(folds.overall.sectionShare >= 0.96, "\(folds.overall)")
        #expect(folds.overall.regionShare >= 0.99, "\(folds.overall)")
        #expect(folds.unknownPublisher.total >= 150)
        #expect(folds.unknownPublisher.sectionShare >= 0.96, "\(folds.unknownPublisher)")
        #expect(folds.unknownPublisher.regionShare >= 0.99, "\(folds.unknownPublisher)")
        // The latest set written before it was first scored (BENCHMARKS.md has its held-out
        // figures): pinned where it stands, so a change that makes unseen text worse fails here.
        let held = try LabelledArticle.parse(String(contentsOf: Self.holdout, encoding: .utf8))
        #expect(held.count >= 825)
        #expect(Set(held.map(\.title)).isDisjoint(with: bundled.map(\.title)))
        let evaluation = TopicEvaluation.score(held, model: .bundled)
        // Sets AW to BG, each written after the changes before it and scored once (first scores:
        // 771 sections and 797 regions of 825); the region misses of AY, AZ, BA, BC, BD and BE then
        // guided rules, so those sets are held-out no longer for regions. Pinned as they stand.
        #expect(evaluation.overall.total == 825)
        #expect(evaluation.overall.sectionAccepted >= 771, "\(evaluation.overall)")
        #expect(evaluation.overall.sectionExact >= 681, "\(evaluation.overall)")
        #expect(evaluation.overall.region >= 807, "\(evaluation.overall)")
        #expect(evaluation.unknownPublisher.region >= 738, "\(evaluation.unknownPublisher)")
        // BF and BG, written after the last rule and scored once with this model: BG 69 and 72 of 75.
        let latest = TopicEvaluation.score(Array(held.suffix(75)), model: .bundled)
        #expect(latest.overall.sectionAccepted >= 69, "\(latest.overall)")
        #expect(latest.overall.region >= 72, "\(latest.overall)")
    }

    @Test("a labelled file with a bad line or an unknown label is refused with the line's number")
    func parseErrors() {
        #expect(throws: LabelledArticle.ParseError.self) { try LabelledArticle.parse("{\"project\": \"\"}") }
        let unknown = #"{"project":"","lang":"en","title":"t","body":"b","section":"gossip","region":"republic"}"#
        #expect((try? LabelledArticle.parse(unknown)) == nil)
        do {
            _ = try LabelledArticle.parse("\n" + unknown)
        } catch {
            #expect("\(error)".contains("line 2"))
        }
    }

    @Test("regions from the text: districts and towns, Kazakh spellings, missions abroad, not the capital as a meeting place",
          arguments: [
            ("", "В Хобдинском районе открыли амбулаторию", "Жители сел получили новую амбулаторию.", "aktobe"),
            ("", "Жалағаш ауданында жол жөнделді", "Ауылдарды байланыстыратын жол жөнделді.", "kyzylorda"),
            ("", "Almaty region farmers switch to drip irrigation", "Farmers of Almaty region use drip irrigation.", "almaty-region"),
            ("", "Ambassador meets students in Prague", "The Ambassador of Kazakhstan to the Czech Republic met students.", "abroad"),
            ("", "Deputy minister received the Ambassador of Japan", "In Astana the deputy minister met the Ambassador of Japan to Kazakhstan.", "republic"),
            ("dsm", "В Астане прошло совещание министра", "Министр провел в Астане совещание с регионами.", "republic"),
            ("", "Air Astana opens flights to Milan", "The airline Air Astana will fly twice a week.", "republic"),
            ("", "Embassy hosts reception", "The Embassy of Kazakhstan in Seoul held a reception for diplomats.", "abroad"),
            ("", "Елші жастармен кездесті", "Қазақстанның Өзбекстандағы елшісі Самарқандта студенттермен кездесті.", "abroad"),
            ("anticorruption", "Задержан руководитель управления", "Руководитель управления задержан в Уральске при получении взятки.", "west-kazakhstan"),
            ("", "Fishermen rescued on Lake Balkhash", "Rescuers brought eleven fishermen ashore near Balkhash.", "karaganda"),
            ("", "Малый бизнес Мангистау получит микрокредиты", "Предприниматели получат льготные займы.", "mangystau"),
            // Place names that are also common words: "келесі" (next), "жақсы" (good), silver medals.
            ("", "Жер серігі ұшырылады", "Серік келесі жылы ғарышқа ұшырылады, нәтиже жақсы болады.", "republic"),
            ("tsm", "Боксеры завоевали медали", "Сборная завоевала пять золотых и три серебряных медали.", "republic"),
            // Almaty named once as where the news happens is Almaty's; named in passing, it is not.
            ("", "Физики создали новый препарат", "Специалисты Института ядерной физики в Алматы разработали препарат.", "almaty"),
            ("", "Rescuers save a climber on a glacier", "Mountain rescuers of the emergencies department in Almaty evacuated a climber.", "almaty"),
            ("", "Новый директор назначен в театр", "Директором назначен режиссер из Алматы.", "republic"),
            // Districts named after people are the district only with their word for district.
            ("", "Exhibition on Kerey and Zhanibek khans", "The museum shows coins from the era of Kerey and Zhanibek khans.", "republic"),
            ("", "Ақындар Исатай мен Махамбетті еске алды", "Мұражайда Исатай Тайманұлы туралы кеш өтті.", "republic"),
            ("", "В Жанибекском районе заготовили сено", "Фермеры Жанибекского района получили сено.", "west-kazakhstan"),
            ("", "Бәйдібек ауданында мектеп ашылды", "Бәйдібек ауданының орталығында жаңа мектеп ашылды.", "turkistan"),
            ("", "Аким района принял граждан", "Аким Аккольского района провел прием граждан в селе Урюпинка.", "akmola"),
            ("", "Ақкөл ауданында жол жөнделді", "Ауылдық жол жөндеуден өтті.", "akmola"),
            ("", "Рыбаки на озере Акколь", "На озере Акколь открыли сезон рыбалки.", "republic"),
            // "Алматинский" alone is the city's; the region's takes "область"; Astana has an Almaty district.
            ("", "Алматинские врачи спасли ребенка", "Операцию провели в детской больнице в Алматы.", "almaty"),
            ("", "Врачи спасли ребенка", "Операцию провели в областной больнице Алматинской области.", "almaty-region"),
            ("", "В Алматинском районе открылась школа", "Школа в Алматинском районе столицы рассчитана на 1200 мест.", "astana"),
            // A slug's "ya" read as "ы" and "а" (saryagash → Сарыағаш); Aral is the district with its word,
            // and the Aral Sea (its northern part, all Kazakhstan keeps) is Kyzylorda's.
            ("", "Сарыағаш ауданында жылыжай ашылды", "Жылыжайда қызанақ өсіріледі.", "turkistan"),
            ("", "Six villages of Aral district get tap water", "A water main now reaches six villages.", "kyzylorda"),
            ("", "Scientists count fish in the Aral Sea", "The survey covered the northern part of the sea.", "kyzylorda"),
            ("", "Балық қоры", "Ғалымдар Арал теңізіндегі балық қорын зерттеді.", "kyzylorda"),
            // Relations between states set in a foreign city are abroad; a championship abroad is not.
            ("", "Делегация приняла участие в сессии ЮНЕСКО", "Делегация Казахстана выступила на сессии в Париже.", "abroad"),
            ("", "Water agreement signed", "The ministers signed an agreement on the river in Tashkent.", "abroad"),
            ("", "Елшілер келіссөз жүргізді", "Тараптар Токиода келіссөз жүргізді.", "abroad"),
            ("", "Boxers win medals", "Kazakhstan's boxers won five medals at the championship in Bangkok.", "republic"),
            // A lake or a military range named after a town is not the town's region; Almaty named
            // once in passing does not stand against a district named in the text.
            ("", "Жағалау қоқыстан тазартылды", "Балқаш көлінің Жетісу облысына қарасты жағалауында акция өтті.", "zhetysu"),
            ("", "Water balance of Lake Balkhash", "Scientists measured the level of Lake Balkhash.", "republic"),
            ("", "Миротворцы провели учения", "Учения прошли на полигоне Илийский под Алматы.", "republic"),
            ("", "Установлен новый телескоп", "На обсерватории под Алматы в Талгарском районе установили телескоп.", "almaty-region"),
            // The cosmodrome is the space programme's, a club its home's even where a district has
            // its name; a poet is not the district that shares his name's first letters.
            ("", "Жерсерік ұшырылды", "Жерсерік Байқоңыр ғарыш айлағынан ұшырылды.", "republic"),
            ("", "Байқоңырдан жүк кемесі ұшырылды", "Кеме Байқоңыр ғарыш айлағынан ұшты.", "republic"),
            ("", "Сәтбаев қаласында мектеп ашылды", "Сәтбаев қаласында 600 орындық мектеп ашылды.", "ulytau"),
            ("", "Сәтбаев атындағы институт", "Қ. Сәтбаев атындағы институттың ғалымдары баяндама жасады.", "republic"),
            ("", "«Ордабасы» завоевал Суперкубок", "Игра прошла в Шымкенте: «Ордабасы» выиграл 2:1.", "shymkent"),
            ("", "Ордабасы ауданында мектеп ашылды", "Ордабасы ауданында жаңа мектеп ашылды.", "turkistan"),
            ("", "Ақын Мақатаевты еске алу кеші", "Мұқағали Мақатаевтың өлеңдері оқылды.", "republic"),
            ("", "Наурызым қорығында өрт сөндірілді", "Қорық қызметкерлері өртті сөндірді.", "kostanay"),
            ("", "Наурыз мерекесі тойланды", "Наурыз мейрамы кеңінен аталып өтті.", "republic"),
            // A commission or a council meeting abroad is abroad, a lone Astana in passing notwithstanding.
            ("", "Межправкомиссия собралась", "В Ташкенте состоялось заседание межправительственной комиссии.", "abroad"),
            // Talks abroad about a place at home are abroad's news, unless the title names the place.
            ("", "Су ресурстары бойынша келісім", "Ташкентте бірлескен комиссияның отырысы өтті, Шардара су қоймасының режимі талқыланды.", "abroad"),
            ("", "Talks on the Middle Corridor", "The ministers met in Baku to discuss the ports of Aktau and Kuryk.", "abroad"),
            ("", "Шардара су қоймасы талқыланды", "Ташкентте комиссия отырысы өтті, Шардара су қоймасының режимі талқыланды.", "turkistan"),
            // "Елорда" is the capital; a ministry meeting there is not Astana's news.
            ("", "Елордада шахмат турнирі басталды", "Турнирге 25 елден шахматшылар қатысуда.", "astana"),
            ("", "Министрліктің алқа отырысы", "Елордада министрліктің алқа отырысы өтті.", "republic"),
            // A team member's home named once is in passing; without a national team it is the news's place.
            ("", "Сборная завоевала медали", "Сборная Казахстана завоевала три медали; золото принес ученик из Караганды.", "republic"),
            ("", "Ученик победил на олимпиаде", "Золото олимпиады принес ученик из Караганды.", "karaganda"),
            ("", "Сборная провела сборы", "Сборная Казахстана по борьбе провела сборы, Түркістан принял спортсменов.", "turkistan"),
            ("", "Тяжелоатлеты завоевали медали", "Сборная завоевала три медали: серебро у спортсмена из Павлодара, бронза у спортсменок из Алматы и Шымкента.", "republic"),
            // A visit "to Kazakhstan" prepared in talks abroad does not bring the talks home.
            ("", "Consultations in Helsinki", "Political consultations were held in Helsinki; the parties prepared the President's visit to Kazakhstan.", "abroad"),
            ("", "Minister at the OSCE council", "The minister spoke at the council meeting in Vienna and offered Astana as a venue.", "abroad"),
            ("", "Комиссия отырысы өтті", "Ұланбатырда үкіметаралық комиссияның отырысы өтті.", "abroad"),
            ("", "Меморандум подписан", "В Будапеште министры подписали меморандум о сотрудничестве.", "abroad"),
            // Regions named side by side tell how widely, not where; one named alone is the place.
            ("", "Screening for adults", "A pilot last year in Astana, Almaty and Shymkent found many cases.", "republic"),
            ("", "Рост гриппа", "Рост заболеваемости в Акмолинской, Карагандинской и Павлодарской областях.", "republic"),
            ("", "Pilot in a city", "A pilot last year in Shymkent found many cases.", "shymkent"),
            ("", "Тұмау көбейді", "Ауру Ақмола және Павлодар облыстарында көбейді, Ақмола облысында карантин енгізілді.", "akmola"),
            // A national actor's meeting held somewhere names its venue; the same town as the news is its place.
            ("", "Құрылтай отырысы", "Мемлекет басшысы Ұлттық құрылтай отырысында сөз сөйледі. Отырыс Бурабайда өтті.", "republic"),
            ("", "Заседание правительства", "Заседание правительства прошло в Бурабае.", "republic"),
            ("", "В Бурабае открыли отель", "В Бурабае открыли новый отель на 200 мест.", "akmola"),
            ("", "Туристер көбейді", "Бурабайда туристер саны өсті.", "akmola"),
            // A Kazakh mission named by its host country; a topic "in Afghanistan" is not a scene.
            ("", "Елші кездесті", "Қазақстанның Бразилиядағы елшісі министрмен кездесті.", "abroad"),
            ("", "Talks with the EU", "The sides discussed transport corridors and the situation in Afghanistan.", "republic"),
            ("", "Talks in Kabul", "The sides held talks in Afghanistan on transport corridors.", "abroad"),
            // Where the next round will be held does not bring this one home.
            ("", "Demarcation talks", "Delegations met in Bishkek on the demarcation of the border. The next round of talks will be held in Astana.", "abroad"),
            ("", "Переговоры о границе", "Делегации провели переговоры в Бишкеке. Следующее заседание пройдёт в Астане.", "abroad"),
            ("", "Talks at home and abroad", "Delegations met in Astana and then held talks in Bishkek.", "republic"),
            // A text that opens abroad stays there whatever it says happens in Kazakhstan later.
            ("", "Соглашения подписаны", "В Минске состоялось заседание межправительственной комиссии. Подписаны соглашения о сборке техники в Казахстане.", "abroad"),
            ("", "Сборка техники", "В Казахстане наладят сборку техники: соглашение подписано на заседании комиссии в Минске.", "republic"),
            ("", "Visitor centre in Altyn-Emel", "A visitor centre opened in the Altyn-Emel national park.", "zhetysu"),
            ("", "ЦОН открылся", "В Сатпаеве открылся центр обслуживания населения.", "ulytau"),
            ("", "Лекция о геологе", "Студентам рассказали о Сатпаеве и его открытиях.", "republic"),
            ("", "Рабочая группа по реке Урал", "В Оренбурге состоялось заседание рабочей группы. Следующее заседание пройдёт в Уральске.", "abroad"),
            ("", "Working group on the Ural", "The working group met in Uralsk on the river's floods.", "west-kazakhstan"),
            ("", "Школы откроют", "В следующем году в Шымкенте откроют десять школ.", "shymkent"),
            // A roadmap of cooperation signed in a foreign capital is relations abroad; cooperation at home is not.
            ("", "Green energy roadmap", "The ministers signed a roadmap on green energy cooperation in Baku.", "abroad"),
            ("", "Cooperation in Aktobe", "The akimat and companies signed a cooperation agreement in Aktobe.", "aktobe"),
            // A champion's home town is in passing however the text says he comes from it.
            ("", "Wrestler wins gold", "The national team won two bronze medals; the champion, a native of Taraz, thanked his coaches.", "republic"),
            ("", "Борец выиграл золото", "Сборная завоевала две бронзы; чемпион, уроженец Тараза, поблагодарил тренеров.", "republic"),
            ("", "Балуан жеңді", "Құрама екі қола алды; чемпион, Тараздың тумасы, жаттықтырушыларына алғыс айтты.", "republic"),
            ("", "Taraz hosts the wrestling cup", "The national team trained in Taraz before the cup held in Taraz.", "zhambyl"),
            // Foreign capitals beyond the missions' list are scenes abroad too.
            ("", "Talks in Havana", "The delegations held talks in Havana on trade.", "abroad"),
            ("", "Переговоры в Кабуле", "Делегации провели переговоры в Кабуле.", "abroad"),
            // A lake that lies wholly in its town's region is that region's; Balkhash may be another's.
            ("", "Fishing ban", "Inspectors caught poachers on Lake Zaisan.", "east-kazakhstan"),
            ("", "Балық аулауға тыйым", "Балқаш көлінде балық аулауға тыйым салынды.", "republic"),
            // A list is one, whether two of its names are one region's; Kazakh "және" joins it too.
            ("", "Экспедиция", "Экспедиция Шілікті, Берел және Түркістан қорғандарын зерттеді.", "republic"),
            ("", "Экспедиция Шіліктіде", "Экспедиция Шілікті мен Берел қорғандарын зерттеді.", "east-kazakhstan"),
            // A national actor's talks with a foreign delegation name what they are about.
            ("", "Water talks", "The vice minister met a delegation from Tashkent. They discussed water releases from the Shardara reservoir.", "republic"),
            ("", "Shardara reservoir filled", "Water releases from the Shardara reservoir have begun.", "turkistan"),
            // Kazakh "Астанадағы" places a thing in the capital, unless a national actor meets there.
            ("", "Көрме ашылды", "Астанадағы музейде көрме ашылды.", "astana"),
            ("", "Министр сөйледі", "Министр Астанадағы кездесуде сөз сөйледі.", "republic"),
            // The country's athletes at international games: a medallist's home town is in passing.
            ("", "Медали Азиатских игр", "Казахстанские спортсмены завоевали 11 медалей на Азиатских играх; золото принесла тяжелоатлетка из Шымкента.", "republic"),
            ("", "Турнир в Шымкенте", "В Шымкенте прошёл турнир по тяжёлой атлетике; победила спортсменка из Шымкента.", "shymkent"),
            // Border posts and conference cities beyond the first lists.
            ("", "Контрабанда", "Таможенники поста «Нур Жолы» обнаружили контрабанду.", "zhetysu"),
            ("", "Climate conference", "The Kazakh delegation took part in the UN climate conference in Belém.", "abroad"),
            // A road between two cities is a list, in a title too: the district it passes is the place.
            ("", "На трассе Алматы — Усть-Каменогорск открыли участок", "Открыт участок дороги в районе Аягоза.", "abay"),
            // Where people come from is not where the news is, when the text names a place otherwise.
            ("", "Doctors from Astana operate in Kyzylorda", "Surgeons from Astana operated on children at the Kyzylorda regional hospital.", "kyzylorda"),
            ("", "Grain from Kostanay", "Grain from Kostanay has been shipped to Uzbekistan.", "kostanay"),
            // A lone "in Almaty" after the opening is a detail, not the place of the news.
            ("", "Миротворцы вернулись", "Казахстанские миротворцы вернулись на родину. Их встретили на аэродроме в Алматы.", "republic"),
            ("", "Фестиваль", "В Алматы прошёл фестиваль уличной еды.", "almaty"),
            ("", "Туристы спасены", "Спасатели вывели туристов с ледника Туюксу.", "almaty"),
            // A round of dialogue held abroad is relations abroad.
            ("", "Диалог по правам человека", "В Брюсселе состоялся раунд диалога Казахстан – ЕС. Следующий раунд пройдёт в Астане.", "abroad"),
            // A meeting agreed for later abroad is not where this news is.
            ("", "Телефонный разговор", "Президент провёл телефонный разговор с президентом Франции. Президенты договорились встретиться на саммите в Париже.", "republic"),
            // Universities name their city; Latin "Oral" only as a place.
            ("", "Robotics laboratory", "Nazarbayev University has opened a robotics laboratory for schoolchildren.", "astana"),
            ("", "Биоудобрение", "Учёные КазНУ разработали биоудобрение из отходов.", "almaty"),
            ("", "New trolleybuses", "Twenty new trolleybuses have arrived in Oral.", "west-kazakhstan"),
            ("", "Oral health", "Dentists explained the basics of oral hygiene to pupils.", "republic"),
            // "Қарағанды облысынан": the ablative on the word for region still says where a boxer comes from.
            ("", "Бокстан әлем чемпионаты", "Қазақстан құрамасы екі алтын алды. Чемпиондардың бірі Қарағанды облысынан, екіншісі Шымкенттен.", "republic"),
            // A way through is no place of the news.
            ("", "Grain corridor through Aktau port", "Grain exports through the port of Aktau to Iran have doubled.", "republic"),
            // A summit is a meeting: its venue and the next one's city are not the news's place.
            // A conference a ministry holds in the capital, "Astana hosts" it or not, is national news.
            ("", "Astana hosts a conference on nuclear safety", "The conference organised by the Ministry of Energy opened in Astana.", "republic"),
            // The test site named after Semey is not the town; a remembrance held in Semey is.
            ("", "Semey nuclear test victims to get health checks", "Residents of Abay, Pavlodar and Karaganda regions near the Semipalatinsk nuclear test site will get checks.", "republic"),
            ("", "Семейде құрбандар еске алынды", "Семейде ядролық сынақтар құрбандарына арналған ескерткішке гүл қойылды.", "abay"),
            // A destination is in passing, like an origin: the train is Kostanay's.
            ("", "Kostanay region launches a new train to Astana", "A new train between Kostanay and Astana has been launched.", "kostanay"),
            // A Kazakh boxer's home town, named in his dedication, is in passing.
            ("", "Боксёр стал чемпионом мира", "Казахстанский боксёр стал чемпионом мира в Лас-Вегасе и посвятил победу землякам из Шымкента.", "republic"),
            ("", "Жастар форумы", "Қазақстаннан 50 жас Египетте өткен жастар форумына қатысты. Делегацияны министрлік жасақтады.", "abroad"),
            // "Түркістан қаласында өткен": the word for town between the venue and "held".
            ("", "Құрылтай отырысы өтті", "Мемлекет басшысы Түркістан қаласында өткен Ұлттық құрылтайдың отырысында сөз сөйледі.", "republic"),
            ("", "Заседание прошло", "Заседание правительства прошло в городе Туркестане.", "republic"),
            // What a film is about is its subject, not where the news happens; a title stays evidence.
            ("", "Kazakh film wins award", "The film won the jury prize. It tells the story of a shepherd family in the Mangystau steppe.", "republic"),
            ("", "Semey museum opens exhibition", "The exhibition tells the story of the test site through documents.", "abay"),
            // "Абайской области" is the region; the Aral Sea is no town of Aralsk, a clean-up "Маңғыстауда" on the shore is the region's.
            ("", "Запрет охоты на архаров", "Численность архаров в горах Карагандинской и Абайской областей растёт.", "republic"),
            ("", "Охрана Арала", "Министры встретились в Нукусе и договорились о мерах по спасению Аральского моря.", "abroad"),
            ("", "Жағалау тазартылды", "Маңғыстауда теңіз жағалауы тазартылды.", "mangystau"),
            ("", "Leaders' summit", "The summit of the presidents of Central Asia was held in Burabay. The next summit will be held in Tashkent.", "republic"),
            ("", "Aktau port handles more containers", "The seaport of Aktau handled more containers this year.", "mangystau"),
            // A district's name cut short must not find a city abroad, a river or a person.
            ("", "Астрахань облысының губернаторы", "Қазақстанның Ресейдегі елшісі Астрахань облысының губернаторымен кездесті.", "abroad"),
            ("", "Школа в Астраханском районе", "В Астраханском районе открыли школу.", "akmola"),
            ("", "Irtysh floods", "The Irtysh has risen after rains.", "republic"),
            ("", "Ферросплавный завод", "Аксуский ферросплавный завод завершил модернизацию.", "pavlodar"),
            // Kazakh "Астанадан" (from Astana) does not put talks abroad at home.
            ("", "Авиақатынас", "Сингапурда өткен келіссөздерде рейстер көбейтілетіні келісілді. Рейстер Алматы мен Астанадан ұшады.", "abroad"),
            // Where an athlete of the national team trains, told after the opening, is background;
            // the team's camp named in the opening is the news.
            ("", "Боксшы алтын алды", "Қазақстандық боксшы Ташкентте алтын медаль алды. Спортшы Қарағанды облысында жаттығады.", "republic"),
            ("", "Лыжники на сборе", "Сборная Казахстана по лыжным гонкам провела сбор в Щучинске.", "akmola"),
            // A protocol signed abroad is relations set there.
            ("", "Border protocol", "The foreign ministers signed a protocol on the demarcation of the border in Tashkent.", "abroad"),
            // A foreign city in its case forms and with a hyphen; a business forum and the UN's assembly are relations.
            ("", "Межправкомиссия", "В Дохе прошло заседание межправительственной комиссии.", "abroad"),
            ("", "Мемлекеттік сапар", "Әбу-Дабиде өткен келіссөздерде 20 құжатқа қол қойылды.", "abroad"),
            ("", "Business forum", "Companies of Kazakhstan and Turkey met at a business forum in Istanbul.", "abroad"),
            ("", "БҰҰ", "Қазақстан Бас Ассамблеяда кеңеске сайланды. Дауыс беру Нью-Йоркте өтті.", "abroad"),
            // Parliament ratifies at home what was signed abroad.
            ("", "Senate ratifies", "The Senate ratified the agreement on labour migration. It was signed in Seoul last year.", "republic"),
            // "В Рудном" is Kostanay's town; Zhambyl alone is as often the poet.
            ("", "Ремонт домов", "В Рудном отремонтируют 30 домов.", "kostanay"),
            ("", "Монета", "Нацбанк выпустил монету, посвящённую Жамбылу Жабаеву. Жамбыл — великий акын.", "republic"),
            ("", "Жамбыл облысы", "Жамбыл облысында мектеп ашылды.", "zhambyl"),
            ("", "Philharmonic on tour", "The State Philharmonic named after Zhambyl toured China.", "republic"),
            ("", "Sugar quota", "Sugar producers in Zhambyl and Almaty regions have been asked to supply more.", "republic"),
            // A national team's paralympians too; "Бакуде кездесіп" is talks abroad; the National Museum is in Astana.
            ("", "Paralympic swimmers win medals", "Kazakhstan's paralympic swimming team won four medals in Singapore. One champion studies at a Pavlodar school.", "republic"),
            ("", "Паром", "Министрлер Бакуде кездесіп, Ақтау және Құрық порттарынан паром қатынасын көбейтуге келісті.", "abroad"),
            ("", "Выставка", "В Национальном музее Республики Казахстан открылась выставка.", "astana"),
            // A basin named after a lake is no town; "глубокие соболезнования" is no Glubokoye.
            ("", "Plan for the Ile-Balkhash basin", "The Government approved a plan for the Ile–Balkhash basin.", "republic"),
            ("", "Соболезнования", "МИД выразил глубокие соболезнования народу Турции.", "republic"),
            // The country's athletes by their nationality: a home town after the opening is background.
            ("", "Пловцы завоевали медали", "Казахстанские пловцы завоевали медали в Берлине. Лучший результат показал пловец из Усть-Каменогорска.", "republic"),
            // A ministry opening the text names a region once later as a detail, not in its opening.
            ("", "Зима без отключений", "Министерство энергетики заверило, что отключений не будет. Дефицит покроют поставки из Экибастуза.", "republic"),
            ("", "Минздрав", "Министерство здравоохранения открыло в Атырау новую больницу.", "atyrau"),
            // A list reads past the word for region ("Туркестанской области, Алматы и Астане"), and a
            // route to a city abroad is a list too, even when the capital is its only home place.
            ("", "Население", "Больше всего людей живёт в Туркестанской области, Алматы и Астане.", "republic"),
            ("", "Астана — Гуанчжоу рейсі ашылды", "Астана — Гуанчжоу бағыты бойынша рейс аптасына үш рет орындалады.", "republic"),
            // "Орынборда" is Orenburg; joining a treaty is done at home wherever it was signed; the
            // country's olympiad pupils are its team.
            ("", "Су комиссиясы", "Комиссияның отырысы Орынборда өтті. Келесі отырыс Оралда өтеді.", "abroad"),
            ("", "Birds agreement", "Kazakhstan has joined the agreement on waterbirds. It was signed at a meeting in Bonn.", "republic"),
            ("", "Olympiad medals", "Kazakh schoolchildren won medals at the olympiad in Iran. One medallist studies in Taraz.", "republic"),
            // Grain shipped "Ақтау порты арқылы" passes through; a ministry's one later mention is a detail.
            ("", "Астық экспорты", "Министрлік экспортқа шектеуді алды. Астық Ақтау порты арқылы Иранға жөнелтіледі.", "republic"),
            ("ecogeo", "Запрет вылова", "Министерство продлило запрет на вылов осетровых. Заводы Атырауской области выпустят мальков.", "republic"),
            ("ecogeo", "Выпуск мальков", "В Атырауской области выпустили мальков осетровых.", "atyrau"),
            // Sites that lie in one region though no town is named: a crossing, a museum, a resort,
            // a delta; "Семей қаласы" is the town, "достық" alone is friendship.
            ("", "Пункт пропуска", "После реконструкции открылся пункт пропуска «Бахты» на границе с Китаем.", "abay"),
            ("", "Exhibition of graphics", "The Kasteyev State Museum of Arts opens an exhibition of graphics.", "almaty"),
            ("", "Демалыс маусымы", "Боровое курортында демалыс маусымы басталды.", "akmola"),
            ("", "Fishing ban", "Fishing is banned in the Ural delta during spawning.", "atyrau"),
            ("", "Туристер", "Қайыңды көлі жағасында жаңа демалыс орны ашылды.", "almaty-region"),
            ("", "Емхана", "Семей қаласында жаңа емхана салынады.", "abay"),
            ("", "Достық", "Халықтар достығы күніне арналған концерт өтті.", "republic"),
            // A trade house or mission in a foreign city is the country's office abroad.
            ("", "Kazakhstan opens a trade house", "The trade house opened in Baku and will show Kazakh goods.", "abroad"),
            ("", "Торговое представительство", "Торговое представительство Казахстана открылось в Лагосе.", "abroad"),
            // A national award ceremony in the capital is the country's news; a tournament there is Astana's.
            ("", "В Астане наградили лучших врачей", "Министр здравоохранения вручил награды на церемонии в Астане. В Астане собрались врачи всех регионов.", "republic"),
            ("", "Турнир", "В Астане прошёл турнир по хоккею среди юношей. Игры шли в Астане три дня.", "astana"),
            // The country as the title's actor makes a region named once after the opening a detail;
            // "West Kazakhstan" in a title is no such actor.
            ("", "Kazakhstan's GDP grows by 5.8 percent", "The economy grew by 5.8 percent in ten months. Oil output at the Tengiz field rose.", "republic"),
            ("", "Казахстанские учёные создали вакцину", "Вакцина защитит овец от оспы. Её испытали на фермах Жамбылской области.", "republic"),
            ("", "West Kazakhstan: a new school", "A school for 600 pupils opened. It was built in Uralsk.", "west-kazakhstan"),
            ("", "Kazakhstan's first tram line opens in Astana", "The line links the airport with the centre.", "astana"),
            // The capital's 2019–2022 name, which gov.kz's archive keeps; "Нурсултан" is the First
            // President, and a national meeting held there is the country's news, as in Astana.
            ("", "В Нур-Султане открылась новая школа", "Школа на 1200 мест открылась в Нур-Султане.", "astana"),
            ("", "Нұр-Сұлтанда жаңа саябақ ашылды", "Нұр-Сұлтан қаласында жаңа саябақ ашылды.", "astana"),
            ("", "Nur-Sultan hosts a youth forum", "The forum of young entrepreneurs was held in Nur-Sultan.", "astana"),
            ("", "Музей Первого Президента", "Нурсултан Назарбаев посетил выставку.", "republic"),
            ("dsm", "Совещание в министерстве", "Министр провёл в Нур-Султане совещание с регионами.", "republic"),
            // Older and Kazakh-Latin spellings: Q for K, J for Zh, the letters of the 2021 alphabet.
            ("", "A new school opens in Qaraghandy", "A school for 1,200 pupils opened in Qaraghandy.", "karaganda"),
            ("", "Karagandy region builds houses", "Karagandy region will build 3,000 flats this year.", "karaganda"),
            ("", "Aqtobe hospital gets new scanners", "The regional hospital in Aqtobe received two CT scanners.", "aktobe"),
            ("", "Jambyl region opens a road", "A new road connects five villages of Jambyl region.", "zhambyl"),
            ("", "Jezkazgan miners receive awards", "Miners of Jezkazgan received state awards.", "ulytau"),
            ("", "Mańǵystaý region builds a road", "A new road is being built in Mańǵystaý region.", "mangystau"),
            ("", "Qostanaı opens a school", "A new school opened in Qostanaı.", "kostanay"),
            ("", "Alma-Ata residents plant trees", "Residents of Alma-Ata planted 5,000 trees.", "almaty"),
            ("", "В Джамбульской области открыли дорогу", "Дорога соединила пять сёл.", "zhambyl"),
            ("", "В Кзыл-Орде построят мост", "Мост пройдёт через Сырдарью.", "kyzylorda"),
            // The city as the attribute of what the opening is about is the place; from it, or as
            // the region's adjective, it is not.
            ("", "A startup raises 10 million dollars", "An Almaty-based startup raised 10 million dollars. It works in six cities.", "almaty"),
            ("", "Hospitals get new ambulances", "Astana's hospitals received 40 new ambulances.", "astana"),
            ("", "Стартап привлёк инвестиции", "Алматинский стартап по доставке привлёк 10 млн долларов.", "almaty"),
            ("", "Ауруханаларға көлік берілді", "Астаналық ауруханаларға 40 жаңа жедел жәрдем көлігі берілді.", "astana"),
            ("", "Врачи провели приём", "Врачи из Алматы осмотрели 500 жителей сёл.", "republic"),
            ("", "Фермеры получили субсидии", "Фермеры Алматинской области получили субсидии.", "almaty-region"),
            ("", "Startup wins a grant", "A startup won a national grant. Its founders moved to an Almaty-based incubator later.", "republic"),
            // "Столичный" is the capital's; where people come from is the place when nothing else is.
            ("", "Врачи провели операцию", "Столичные врачи впервые провели операцию на открытом сердце ребёнку.", "astana"),
            ("", "Students from Astana develop an app", "Students of Astana IT University developed an app for blind people.", "astana"),
            ("", "Doctors from Astana operate in Kyzylorda", "Surgeons from Astana carried out 40 operations at the Kyzylorda regional hospital.", "kyzylorda"),
            // Heads of state meeting in the capital are national actors; young scientists are not.
            ("", "Astana hosts a summit on climate", "The heads of state of Central Asian countries met in Astana for a summit. They adopted a statement.", "republic"),
            ("", "Астана принимает саммит по климату", "Главы государств Центральной Азии встретились в Астане на саммите.", "republic"),
            ("", "Astana hosts a summit of young scientists", "Young scientists from ten cities met in Astana for a summit.", "astana"),
            // Foreign names with a q are folded like the text, so they still put talks abroad.
            ("", "Talks in Urumqi", "Kazakh and Chinese delegations held talks in Urumqi on trade.", "abroad"),
            // "Столица" is the capital where the text does not name it, not the southern or a
            // foreign capital, nor the holiday, nor the name given again; a ministry's briefing
            // in the capital is the country's news as its meeting there is.
            ("", "Библиотека открылась", "В Есильском районе столицы открылась современная библиотека.", "astana"),
            ("", "Библиотека", "Аким столицы открыл новую библиотеку.", "astana"),
            ("", "В южной столице открылась выставка", "В южной столице открылась выставка картин.", "republic"),
            ("", "Концерт", "Концерт, посвящённый Дню столицы, прошёл в Туркестане.", "turkistan"),
            ("", "Делегация", "Делегация посетила завод в столице Венгрии.", "republic"),
            ("", "Население", "Население выросло в Алматы и Астане. Самый быстрый рост — в столице.", "republic"),
            ("", "Ministry of Energy reports on the heating season at a briefing in Astana",
             "At a briefing in Astana, the Vice Minister of Energy said the power plants are ready for winter.", "republic"),
            ("", "Вице-министр Астанада жылу маусымы туралы айтты",
             "Энергетика вице-министрі Астанада өткен баспасөз мәслихатында жылу маусымы туралы айтты.", "republic"),
            ("", "Аким Астаны провёл брифинг", "Аким Астаны на брифинге рассказал о ремонте дорог в Астане.", "astana"),
            // The Khorgos crossing and Alakol's resort villages are Zhetysu's; goods passing
            // through Khorgos are not news of the place; the National Bank speaks for the country
            // as a ministry does, its mint's town a detail.
            ("", "Жаңа жүк терминалы ашылды", "Қорғас шекара өткелінде жаңа жүк терминалы пайдалануға берілді.", "zhetysu"),
            ("", "Beaches prepared for the season", "Beaches on Lake Alakol near Koktuma are being prepared for the tourist season.", "zhetysu"),
            ("", "Экспорт зерна вырастет", "Казахстан увеличит экспорт зерна в Китай через Хоргос.", "republic"),
            ("", "National Bank issues a coin", "The National Bank has issued a silver coin. It is minted at the Kazakhstan Mint in Ust-Kamenogorsk.", "republic"),
            // A route within one region names it once: a national meeting's road is a detail, the
            // road's own news is the region's.
            ("", "Совещание по дорогам", "Министр транспорта провёл совещание по ремонту дорог. Он поручил завершить работы на трассе Бейнеу – Актау.", "republic"),
            ("", "Трасса Бейнеу – Актау отремонтирована", "Ремонт трассы завершён на месяц раньше срока.", "mangystau"),
            ("", "Жол апаты", "Ақтөбе – Қандыағаш тас жолында екі көлік соқтығысты.", "aktobe"),
          ])
    func regions(_ example: (String, String, String, String)) {
        let result = RegionResolver.resolve(source: Source(catalogSlug: example.0), title: example.1, paragraphs: [example.2])
        #expect(result.code == example.3, "\(result.reason)")
    }
}
