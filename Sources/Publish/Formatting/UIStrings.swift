import EnbekshiCore
import Store

/// Every interface string, in the three editions.
public struct UIStrings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ kk: String, _ ru: String, _ en: String) -> String {
        switch language {
        case .kk: kk
        case .ru: ru
        case .en: en
        }
    }

    var tagline: String {
        pick(
            "Мемлекеттік органдардың жаңалықтары бір жерде", "Новости государственных органов Казахстана в одном месте",
            "News from Kazakhstan's state bodies, in one place")
    }
    var skipToContent: String { pick("Негізгі мазмұнға өту", "Перейти к содержанию", "Skip to content") }
    var latestNews: String { pick("Соңғы жаңалықтар", "Последние новости", "Latest news") }
    var allNews: String { pick("Барлық жаңалықтар", "Все новости", "All news") }
    var moreNews: String { pick("Барлық жаңалықтар →", "Все новости →", "All news →") }
    var home: String { pick("Басты бет", "Главная", "Home") }
    var previousPage: String { pick("← Алдыңғы", "← Назад", "← Newer") }
    var nextPage: String { pick("Келесі →", "Далее →", "Older →") }
    func pageOf(_ page: Int, _ pages: Int, more: Bool = false) -> String {
        let total = more ? "\(pages)+" : "\(pages)"
        return pick("\(page)-бет, барлығы \(total)", "Страница \(page) из \(total)", "Page \(page) of \(total)")
    }
    var noNewsYet: String {
        pick(
            "Әзірге жаңалық жоқ. Жинау жүріп жатыр немесе gov.kz қолжетімсіз.",
            "Новостей пока нет. Сбор идёт, или gov.kz недоступен.",
            "No news yet. Harvesting is under way, or gov.kz cannot be reached.")
    }
    var sections: String { pick("Бөлімдер", "Разделы", "Sections") }
    var mostRead: String { pick("Ең көп оқылғандар", "Самое читаемое", "Most read") }
    var today: String { pick("Бүгін", "Сегодня", "Today") }
    var thisWeek: String { pick("Осы аптада", "За неделю", "This week") }
    /// "1 view", "5 views"; Russian takes its three plural forms.
    func views(_ count: Int) -> String {
        switch language {
        case .kk: return "\(count) рет оқылды"
        case .en: return count == 1 ? "1 view" : "\(count) views"
        case .ru:
            let tens = count % 100, ones = count % 10
            let word = (11...14).contains(tens) ? "просмотров" : ones == 1 ? "просмотр" : (2...4).contains(ones) ? "просмотра" : "просмотров"
            return "\(count) \(word)"
        }
    }
    /// "3 min read", at about 200 words a minute.
    func readingTime(minutes: Int) -> String {
        switch language {
        case .kk: return "Оқуға \(minutes) мин"
        case .ru: return "\(minutes) мин чтения"
        case .en: return "\(minutes) min read"
        }
    }
    /// The front page's block of news published only in other languages.
    var notYetInThisLanguage: String { pick("Қазақ тілінде әлі жоқ", "Пока не на русском", "Not yet in English") }
    var notYetExplained: String {
        pick(
            "gov.kz бұл жаңалықтарды тек орыс немесе ағылшын тілінде жариялады; түпнұсқасы көрсетіледі.",
            "gov.kz опубликовал эти новости только на казахском или английском; они показаны в оригинале.",
            "gov.kz published these only in Russian or Kazakh; they are shown in the original.")
    }
    var noNewsInThisLanguageYet: String {
        pick("Қазақ тіліндегі жаңалықтар әзірге жоқ.", "Новостей на русском пока нет.", "No news in English yet.")
    }
    var publishedBy: String { pick("Жариялаған", "Источник", "Published by") }
    var byline: String { pick("Авторы", "Автор", "By") }
    var newsroomOwn: String { pick("Enbekshi QazaQ редакциясының материалы", "Материал редакции Enbekshi QazaQ", "Written by the Enbekshi QazaQ newsroom") }
    var storySource: String { pick("Дереккөз", "Источник", "Source") }
    var originalOnGovKz: String { pick("gov.kz сайтындағы түпнұсқа", "Оригинал на gov.kz", "Original on gov.kz") }
    var brief: String { pick("Қысқа хабар: мәтінін gov.kz жарияламаған.", "Краткое сообщение: текст на gov.kz не опубликован.", "Brief: gov.kz published no text for this item.") }
    var languageLabel: String { pick("Тіл", "Язык", "Language") }
    var navigation: String { pick("Навигация", "Навигация", "Navigation") }
    var pagination: String { pick("Беттер", "Страницы", "Pages") }
    func notInThisLanguage(shownIn other: Language) -> String {
        switch (language, other) {
        case (.kk, .ru): "Бұл мақала қазақ тілінде жоқ. Орыс тіліндегі нұсқасы көрсетілген."
        case (.kk, .en): "Бұл мақала қазақ тілінде жоқ. Ағылшын тіліндегі нұсқасы көрсетілген."
        case (.ru, .kk): "Этой статьи нет на русском языке. Показана версия на казахском."
        case (.ru, .en): "Этой статьи нет на русском языке. Показана версия на английском."
        case (.en, .kk): "This article is not available in English. It is shown in Kazakh."
        case (.en, .ru): "This article is not available in English. It is shown in Russian."
        default: ""
        }
    }
    func inLanguage(_ other: Language) -> String {
        switch (language, other) {
        case (.kk, .ru): "орыс тілінде"
        case (.kk, .en): "ағылшын тілінде"
        case (.ru, .kk): "на казахском"
        case (.ru, .en): "на английском"
        case (.en, .kk): "in Kazakh"
        case (.en, .ru): "in Russian"
        default: ""
        }
    }
    /// "Machine translation from Kazakh".
    func machineTranslation(from source: Language) -> String {
        switch (language, source) {
        case (.kk, .ru): "Орыс тілінен машиналық аударма"
        case (.kk, .en): "Ағылшын тілінен машиналық аударма"
        case (.ru, .kk): "Машинный перевод с казахского"
        case (.ru, .en): "Машинный перевод с английского"
        case (.en, .kk): "Machine translation from Kazakh"
        case (.en, .ru): "Machine translation from Russian"
        default: pick("Машиналық аударма", "Машинный перевод", "Machine translation")
        }
    }
    /// "Headline translated by machine from Russian; gov.kz's title".
    func headlineTranslated(from source: Language) -> String {
        switch (language, source) {
        case (.kk, .ru): "Тақырып орыс тілінен машинамен аударылды; gov.kz-тегі тақырып"
        case (.kk, .en): "Тақырып ағылшын тілінен машинамен аударылды; gov.kz-тегі тақырып"
        case (.ru, .kk): "Заголовок переведён машиной с казахского; заголовок на gov.kz"
        case (.ru, .en): "Заголовок переведён машиной с английского; заголовок на gov.kz"
        case (.en, .kk): "Headline translated by machine from Kazakh; gov.kz's title"
        case (.en, .ru): "Headline translated by machine from Russian; gov.kz's title"
        default: pick("Тақырып машинамен аударылды; gov.kz-тегі тақырып", "Заголовок переведён машиной; заголовок на gov.kz", "Headline translated by machine; gov.kz's title")
        }
    }
    var editedByNewsroom: String { pick("редакция өңдеген", "отредактирован редакцией", "edited by the newsroom") }
    var correctedByNewsroom: String {
        pick("Бұл мәтінді редакция түзеткен.", "Этот текст исправлен редакцией.", "The newsroom corrected this text.")
    }
    /// gov.kz gives pictures no description: the headline stands in, and says so.
    func pictureAlt(_ headline: String) -> String {
        pick("Жаңалық суреті: \(headline)", "Иллюстрация к новости: \(headline)", "Picture for the news: \(headline)")
    }
    func photoCredit(_ source: String) -> String { pick("Фото: \(source), gov.kz", "Фото: \(source), gov.kz", "Photo: \(source), gov.kz") }
    var machineTranslationShort: String { pick("машиналық аударма", "машинный перевод", "machine translation") }
    var readOriginal: String { pick("Түпнұсқаны оқу", "Читать оригинал", "Read the original") }
    var search: String { pick("Іздеу", "Поиск", "Search") }
    var searchLabel: String { pick("Сөз немесе тіркес", "Слова или фраза", "Words or a phrase") }
    var searchHint: String {
        pick(
            "Мысалы: салық, \"салық есептілігі\", салық*, салық NOT айыппұл, салық OR кеден.",
            "Например: налог, \"налоговая отчётность\", налог*, налог NOT штраф, налог OR таможня.",
            "For example: tax, \"tax reporting\", tax*, tax NOT fine, tax OR customs.")
    }
    var sectionLabel: String { pick("Бөлім", "Раздел", "Section") }
    var anySection: String { pick("Барлық бөлімдер", "Все разделы", "All sections") }
    var regionLabel: String { pick("Өңір", "Регион", "Region") }
    var anyRegion: String { pick("Барлық өңірлер", "Все регионы", "All regions") }
    var fromDay: String { pick("Бастап", "С", "From") }
    var toDay: String { pick("Дейін", "По", "To") }
    var orderLabel: String { pick("Реті", "Порядок", "Order") }
    var newestFirst: String { pick("Алдымен жаңалары", "Сначала новые", "Newest first") }
    var mostRelevant: String { pick("Сәйкестігі бойынша", "По релевантности", "Most relevant") }
    func resultCount(_ count: Int, capped: Bool) -> String {
        let number = capped ? "\(count)+" : "\(count)"
        return pick("Табылды: \(number)", "Найдено: \(number)", count == 1 ? "1 article found" : "\(number) articles found")
    }
    var searchWidened: String {
        pick(
            "Дәл сәйкестік аз болғандықтан, осылай басталатын сөздер де қосылды.",
            "Точных совпадений мало, поэтому найдены и слова, которые так начинаются.",
            "Few exact matches, so words that begin the same way are included.")
    }
    func searchProblem(_ problem: SearchQuery.Problem) -> String {
        switch problem {
        case .empty: pick("Іздеу үшін сөз жазыңыз.", "Введите слово для поиска.", "Type a word to search for.")
        case .tooLong:
            pick("Сұрау тым ұзын: \(SearchQuery.maximumLength) таңбадан аспасын.", "Запрос слишком длинный: не больше \(SearchQuery.maximumLength) знаков.",
                 "The query is too long: keep it under \(SearchQuery.maximumLength) characters.")
        case .tooManyTerms:
            pick("Сөз тым көп: \(SearchQuery.maximumTerms)-ден аспасын.", "Слишком много слов: не больше \(SearchQuery.maximumTerms).",
                 "Too many words: use at most \(SearchQuery.maximumTerms).")
        case .unbalancedQuote:
            pick("Тырнақша жабылмаған: тіркесті екі тырнақшамен қоршаңыз.", "Кавычка не закрыта: заключите фразу в две кавычки.",
                 "A quotation mark is not closed: put a phrase between two of them.")
        case .loneOperator(let word):
            pick("«\(word)» екі сөздің арасында тұруы керек.", "«\(word)» должен стоять между двумя словами.",
                 "“\(word)” needs a word on each side.")
        case .shortPrefix(let word):
            pick("«\(word)»: * алдында кемінде \(SearchQuery.minimumPrefixLength) әріп болсын.",
                 "«\(word)»: перед * нужно не меньше \(SearchQuery.minimumPrefixLength) букв.",
                 "“\(word)”: put at least \(SearchQuery.minimumPrefixLength) letters before the *.")
        }
    }
    var archive: String { pick("Мұрағат", "Архив", "Archive") }
    func newsOfDay(_ date: String) -> String { pick("\(date): жаңалықтар", "Новости за \(date)", "News of \(date)") }
    func allNewsOfDay(_ date: String) -> String { pick("\(date) күнгі барлық жаңалықтар", "Все новости за \(date)", "All news of \(date)") }
    var topStories: String { pick("Күн тақырыбы", "Главное", "Top stories") }
    func publishedByCount(_ count: Int) -> String {
        pick("\(count) орган жариялады", "Опубликовали \(count) органа", "Published by \(count) bodies")
    }
    var regions: String { pick("Өңірлер", "Регионы", "Regions") }
    var allSources: String { pick("Барлық мемлекеттік органдар", "Все государственные органы", "All state bodies") }
    var allSourcesFeeds: String { pick("Барлық органдардың арналары (OPML)", "Ленты всех органов (OPML)", "Feeds of every body (OPML)") }
    var feeds: String { pick("Арналар", "Ленты", "Feeds") }
    var partOf: String { pick("Құрамында", "Входит в", "Part of") }
    func kindName(_ kind: SourceKind) -> String {
        switch kind {
        case .ministry: pick("Министрлік", "Министерство", "Ministry")
        case .agency: pick("Агенттік немесе комитет", "Агентство или комитет", "Agency or committee")
        case .akimat: pick("Әкімдік", "Акимат", "Akimat")
        case .maslikhat: pick("Мәслихат", "Маслихат", "Maslikhat")
        case .taxDepartment: pick("Мемлекеттік кірістер департаменті", "Департамент госдоходов", "State revenue department")
        case .embassy: pick("Елшілік немесе консулдық", "Посольство или консульство", "Embassy or consulate")
        case .department: pick("Аумақтық бөлімше", "Территориальное подразделение", "Territorial department")
        case .other: pick("Мемлекеттік орган", "Государственный орган", "State body")
        case .newsroom: pick("Сайт редакциясы", "Редакция сайта", "The site's newsroom")
        }
    }
    var related: String { pick("Тақырыптас жаңалықтар", "По теме", "Related") }
    var alsoPublishedBy: String { pick("Сондай-ақ жариялаған", "Также опубликовали", "Also published by") }
    var harvestHealth: String { pick("gov.kz-тен жинау", "Сбор с gov.kz", "Harvest from gov.kz") }
    var lastSuccess: String { pick("Соңғы сәтті жинау", "Последний успешный сбор", "Last success") }
    var lastError: String { pick("Соңғы қате", "Последняя ошибка", "Last error") }
    var itemsStored: String { pick("Жиналған жаңалықтар", "Собрано новостей", "Items stored") }
    var never: String { pick("әлі жоқ", "ещё не было", "not yet") }
    var notHarvestedYet: String {
        pick("Бұл дереккөздің жаңалықтары әлі жоқ.", "Новостей этого источника пока нет.", "Nothing from this source has been collected yet.")
    }
    var notFoundTitle: String { pick("Бет табылмады", "Страница не найдена", "Page not found") }
    var notFoundText: String {
        pick(
            "Мұндай бет жоқ немесе ол жойылған.", "Такой страницы нет, или она была удалена.",
            "There is no such page, or it has been removed.")
    }
    var goneTitle: String { pick("Материал алынып тасталды", "Материал снят", "Article withdrawn") }
    var goneText: String {
        pick("Редакция бұл материалды жариялаудан алып тастады.", "Редакция сняла этот материал с публикации.",
             "The newsroom has withdrawn this article.")
    }
    var badRequestTitle: String { pick("Қате сұрау", "Неверный запрос", "Bad request") }
    func badPageNumber(_ raw: String) -> String {
        pick(
            "Бет нөмірі 1-ден бастап бүтін сан болуы керек («\(raw)» берілді).",
            "Номер страницы должен быть целым числом от 1 («\(raw)» не подходит).",
            "The page number must be a whole number from 1 up (got “\(raw)”).")
    }
    func badFilter(_ name: String, _ raw: String) -> String {
        pick(
            "«\(name)» сүзгісінде «\(raw)» деген мән жоқ. Тізімнен таңдаңыз.",
            "Для фильтра «\(name)» нет значения «\(raw)». Выберите его из списка.",
            "The filter “\(name)” has no value “\(raw)”. Pick one from the list.")
    }
    func badDay(_ name: String, _ raw: String) -> String {
        pick(
            "«\(name)» параметріндегі күн ЖЖЖЖ-АА-КК түрінде жазылады, мысалы 2025-10-09 («\(raw)» берілді).",
            "Параметр «\(name)» — дата в виде ГГГГ-ММ-ДД, например 2025-10-09 («\(raw)» не подходит).",
            "The parameter “\(name)” is a date written YYYY-MM-DD, for example 2025-10-09 (got “\(raw)”).")
    }
    func badArchiveDay(_ raw: String) -> String {
        pick(
            "Мұрағат мекенжайындағы күн ЖЖЖЖ-АА-КК түрінде жазылады, мысалы /kk/archive/2025-10-09 («\(raw)» — ондай күн жоқ).",
            "День в адресе архива пишется как ГГГГ-ММ-ДД, например /ru/archive/2025-10-09 («\(raw)» — такого дня нет).",
            "The day in an archive address is written YYYY-MM-DD, for example /en/archive/2025-10-09 (“\(raw)” is not a day).")
    }
    var serverErrorTitle: String { pick("Сервер қатесі", "Ошибка сервера", "Something went wrong") }
    var serverErrorText: String {
        pick(
            "Кешіріңіз, бір нәрсе дұрыс болмады. Кейінірек қайталап көріңіз.",
            "Извините, что-то пошло не так. Попробуйте позже.", "Sorry, something went wrong on our side. Please try again later.")
    }
    var busyTitle: String { pick("Іздеу бос емес", "Поиск занят", "Search is busy") }
    var busyText: String {
        pick(
            "Қазір іздеу сұраулары тым көп. Бір секундтан кейін қайталаңыз; жаңалықтар беттері жұмыс істеп тұр.",
            "Сейчас слишком много поисковых запросов. Повторите через секунду; страницы новостей работают.",
            "Too many searches are running right now. Try again in a second; the news pages are working.")
    }
    var unavailableTitle: String { pick("Бет уақытша қолжетімсіз", "Страница временно недоступна", "Temporarily unavailable") }
    var unavailableText: String {
        pick(
            "Дерекқор қазір жауап бермей тұр. Бірнеше секундтан кейін бетті жаңартыңыз.",
            "База данных сейчас не отвечает. Обновите страницу через несколько секунд.",
            "Our database is not answering right now. Reload the page in a few seconds.")
    }
    var goHome: String { pick("Басты бетке оралу", "Вернуться на главную", "Back to the front page") }
    var footer: String {
        pick(
            "Мәтіндер gov.kz порталынан алынған. Әр мақалада түпнұсқаға сілтеме бар.",
            "Тексты взяты с портала gov.kz. В каждой статье есть ссылка на оригинал.",
            "Texts come from the gov.kz portal. Every article links to its original.")
    }
}
