import EnbekshiCore
@testable import Publish
import Store
import Testing

/// The front page's lead slot prefers a story with a picture, but only from near the top.
@Suite("Front page lead slot")
struct HomeModelTests {
    static func items(_ pictures: [Bool]) -> [NewsSummary] {
        pictures.enumerated().map { index, hasPicture in
            var item = NewsSummary(
                route: .article(.en, id: Int64(index + 1), slug: "story-\(index + 1)"), title: "Story \(index + 1)", leadHTML: "",
                date: nil, sourceName: "A body", sourceSlug: "a-body", contentLanguage: .en)
            if hasPicture { item.picture = PictureReference(hash: "\(index)", width: 1280, height: 720, widths: [320, 640, 1280]) }
            return item
        }
    }

    static func order(_ items: [NewsSummary]) -> [Int64] { items.compactMap(\.articleID) }

    @Test("the first story with a picture among the first three leads; the rest keep their order")
    func movesUp() {
        #expect(Self.order(HomeModel.pictureLed(Self.items([false, false, true, true]))) == [3, 1, 2, 4])
        #expect(Self.order(HomeModel.pictureLed(Self.items([false, true, false, true]))) == [2, 1, 3, 4])
    }

    @Test("nothing moves when the first story has a picture, when none near the top has one, or when the list is short")
    func staysPut() {
        #expect(Self.order(HomeModel.pictureLed(Self.items([true, false, true]))) == [1, 2, 3])
        #expect(Self.order(HomeModel.pictureLed(Self.items([false, false, false, true, true]))) == [1, 2, 3, 4, 5])
        #expect(Self.order(HomeModel.pictureLed(Self.items([false]))) == [1])
        #expect(HomeModel.pictureLed([]).isEmpty)
    }
}
