import EnbekshiCore

/// A fixed listing page for the template benchmark (`enbekshi bench render`): the same 20 items
/// rendered by our Swift views and, in the benchmark, by a Mustache template of the same markup.
public enum RenderingSample {
    public struct Item: Sendable {
        public var path: String
        public var title: String
        public var date: String
        public var source: String
        public var lead: String
    }

    public static func items(count: Int = 20) -> [Item] {
        (0..<count).map { index in
            Item(
                path: "/ru/news/\(100_000 + index)-o-rezhime-raboty-\(index)",
                title: "Департамент государственных доходов напоминает о сроках уплаты налогов №\(index) <важно>",
                date: "18 декабря 2025, 12:\(10 + index % 50)",
                source: "Департамент государственных доходов по области Жетісу",
                lead: "Уважаемые жители области! Приближается Новый год — время подведения итогов и новых планов. "
                    + "Напоминаем о необходимости проверить и погасить налоговую задолженность & штрафы.")
        }
    }

    /// Renders the listing page with the site's own views.
    public static func renderNative(_ items: [Item]) -> String {
        let summaries = items.map { item in
            NewsSummary(
                route: .article(.ru, id: 1, slug: item.path), title: item.title, leadHTML: HTMLEscaping.escape(item.lead),
                date: GovKzDate("2025-12-18T12:41:00"), sourceName: item.source, sourceSlug: "kgd-zhetysu", contentLanguage: .ru)
        }
        return ListingView.render(
            ListingModel(
                edition: .ru, heading: UIStrings(.ru).allNews, route: .allNews(.ru, page: 1), page: 2, pageCount: 40,
                items: summaries))
    }
}
