import EnbekshiCore
@testable import Publish
import Testing

@Suite("Search page: counts past the horizon")
struct SearchViewTests {
    func render(total: Int, capped: Bool, page: Int) -> String {
        var parameters = SearchParameters()
        parameters.q = "налог"
        parameters.page = page
        var model = SearchModel(edition: .ru, parameters: parameters)
        model.total = total
        model.capped = capped
        return SearchView.render(model)
    }

    @Test("a capped count says so, and the pager offers the next page past the counted ones")
    func capped() {
        let first = render(total: 200, capped: true, page: 1)
        #expect(first.contains("Найдено: 200+"))
        #expect(first.contains("Страница 1 из 10+"))
        #expect(first.contains("rel=\"next\""))
        let exact = render(total: 230, capped: false, page: 12)
        #expect(exact.contains("Найдено: 230<") || exact.contains("Найдено: 230\""))
        #expect(exact.contains("Страница 12 из 12"))
        #expect(!exact.contains("rel=\"next\""))
        // At the deepest page there is no "more", whatever was counted.
        #expect(render(total: 500, capped: true, page: 25).contains("Страница 25 из 25<"))
    }
}
