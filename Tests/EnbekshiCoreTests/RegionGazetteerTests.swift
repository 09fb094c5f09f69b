@testable import EnbekshiCore
import Testing

@Suite("Region gazetteer: the stems its place names are found by")
struct RegionGazetteerTests {
    @Test("a stem keeps what a name's case forms share and no less", arguments: [
        ("караганда", "караганд"),  // Караганды, Карагандинской
        ("боровской", "боровск"),  // Боровского
        ("бурабай", "бураба"),  // Бурабае
        ("иртышск", "иртышск"),  // Иртышске, not the river Irtysh
        ("астраханка", "астраханк"),  // Астраханке, not Astrakhan
        ("денисовка", "денисовк"),  // not the name Denisov
        ("кокшетау", "кокшетау"),  // indeclinable
        ("алматы", "алматы"),  // six letters at least
        ("karaganda", "karagand"),  // Karagandy too
    ])
    func stem(_ name: String, _ expected: String) {
        #expect(RegionGazetteer.stem(name) == expected)
    }

    @Test("no stem of a place stands for two regions")
    func stemsAreSpecific() {
        var regionsByStem: [String: Set<String>] = [:]
        for (region, stems) in RegionGazetteer.places {
            for stem in stems { regionsByStem[stem, default: []].insert(region) }
        }
        let shared = regionsByStem.filter { $0.value.count > 1 }.keys.sorted()
        #expect(shared.isEmpty, "stems in two regions: \(shared)")
        #expect(!regionsByStem.isEmpty)
    }
}
