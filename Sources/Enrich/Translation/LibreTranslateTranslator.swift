import AsyncHTTPClient
import EnbekshiCore
import Foundation

/// A LibreTranslate(-compatible) server: `POST /translate` with `q` (an array of texts), `source`,
/// `target`, `format` and `api_key`; the answer's `translatedText` is an array of the same length.
public struct LibreTranslateTranslator: Translator {
    public let baseURL: String
    let apiKey: String?
    let http: TranslationHTTP
    public let engine = "libretranslate"
    public let model: String? = nil

    public init(baseURL: String, apiKey: String?, client: HTTPClient, timeout: Double = 60) {
        self.baseURL = GovKzURL.trimmed(baseURL)
        self.apiKey = apiKey
        self.http = TranslationHTTP(client: client, timeout: timeout)
    }

    struct Request: Encodable {
        var q: [String]
        var source: String
        var target: String
        var format = "text"
        var api_key: String?
    }

    struct Response: Decodable {
        var translatedText: [String]
    }

    public func translate(_ paragraphs: [String], from source: Language, to target: Language) async throws(TranslationError)
        -> [String]
    {
        guard !paragraphs.isEmpty else { return [] }
        let body: Data
        do {
            body = try JSONEncoder().encode(Request(q: paragraphs, source: source.rawValue, target: target.rawValue, api_key: apiKey))
        } catch {
            throw .malformed("cannot encode request")
        }
        let data = try await http.postJSON(url: baseURL + "/translate", body: body)
        guard let response = try? JSONDecoder().decode(Response.self, from: data) else {
            throw .malformed("no translatedText array")
        }
        guard response.translatedText.count == paragraphs.count else {
            throw .malformed("\(response.translatedText.count) texts for \(paragraphs.count)")
        }
        return response.translatedText
    }
}
