import AsyncHTTPClient
import EnbekshiCore
import Foundation

/// An OpenAI-compatible chat-completions server (vLLM, llama.cpp server, Ollama or a hosted one):
/// `POST {base}/chat/completions`. The paragraphs go as a JSON array and must come back as one.
public struct OpenAIChatTranslator: Translator {
    public let baseURL: String
    let apiKey: String?
    let http: TranslationHTTP
    public let engine = "openai"
    public let model: String?

    /// `baseURL` is the API root, e.g. `http://127.0.0.1:8000/v1`.
    public init(baseURL: String, model: String, apiKey: String?, client: HTTPClient, timeout: Double = 120) {
        self.baseURL = GovKzURL.trimmed(baseURL)
        self.model = model
        self.apiKey = apiKey
        self.http = TranslationHTTP(client: client, timeout: timeout)
    }

    static func languageName(_ language: Language) -> String {
        switch language {
        case .kk: "Kazakh"
        case .ru: "Russian"
        case .en: "English"
        }
    }

    /// Keeps names, numbers and structure; answers only with the array, so it can be checked.
    static func systemPrompt(from source: Language, to target: Language) -> String {
        """
        You translate official press releases of Kazakhstan's state bodies from \(languageName(source)) to \
        \(languageName(target)). You receive a JSON array of paragraphs. Translate every paragraph and answer with \
        a JSON array of the same length and order, nothing else. Keep personal and place names, numbers, dates, \
        amounts, abbreviations and quotation marks exactly; do not merge, split, add or drop paragraphs; do not \
        leave words in \(languageName(source)).
        """
    }

    struct Request: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }
        var model: String
        var temperature = 0.0
        var messages: [Message]
    }

    struct Response: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message
        }
        var choices: [Choice]
    }

    public func translate(_ paragraphs: [String], from source: Language, to target: Language) async throws(TranslationError)
        -> [String]
    {
        guard !paragraphs.isEmpty else { return [] }
        let body: Data
        do {
            let user = String(decoding: try JSONEncoder().encode(paragraphs), as: UTF8.self)
            body = try JSONEncoder().encode(
                Request(
                    model: model ?? "default",
                    messages: [
                        .init(role: "system", content: Self.systemPrompt(from: source, to: target)),
                        .init(role: "user", content: user),
                    ]))
        } catch {
            throw .malformed("cannot encode request")
        }
        let headers = apiKey.map { [("Authorization", "Bearer \($0)")] } ?? []
        let data = try await http.postJSON(url: baseURL + "/chat/completions", body: body, headers: headers)
        guard let response = try? JSONDecoder().decode(Response.self, from: data),
            let content = response.choices.first?.message.content
        else { throw .malformed("no choices[0].message.content") }
        // Models sometimes wrap the array in a code fence or a sentence: take the outermost array.
        guard let start = content.firstIndex(of: "["), let end = content.lastIndex(of: "]"), start < end,
            let translated = try? JSONDecoder().decode([String].self, from: Data(content[start...end].utf8))
        else { throw .malformed("the answer is not a JSON array of strings") }
        guard translated.count == paragraphs.count else {
            throw .malformed("\(translated.count) paragraphs for \(paragraphs.count)")
        }
        return translated
    }
}
