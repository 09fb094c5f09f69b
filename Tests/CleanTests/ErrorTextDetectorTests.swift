import Clean
import Testing

@Suite("ErrorTextDetector: error pages are never news")
struct ErrorTextDetectorTests {
    @Test("error texts are recognised", arguments: [
        "502 Bad Gateway", "504 Gateway Time-out", "Error 503", "HTTP 500 Internal Server Error", "Service Unavailable",
        "{\"error\":\"notAllowed\"}", "404 Not Found nginx/1.18.0", "Too Many Requests",
    ])
    func errors(_ text: String) {
        #expect(ErrorTextDetector.looksLikeError(text))
    }

    @Test("news is not mistaken for an error", arguments: [
        "500 new apartments commissioned in Kostanay region",
        "2025 жылғы 18 желтоқсан",
        "The akimat reported that the road was not found to be damaged after inspection by the commission.",
        "Kazakhstan and Egypt Strengthen Cooperation in Training Personnel",
    ])
    func news(_ text: String) {
        #expect(!ErrorTextDetector.looksLikeError(text))
    }
}
