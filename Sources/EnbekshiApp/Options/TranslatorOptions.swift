import ArgumentParser
import AsyncHTTPClient
import Enrich
import Foundation

/// Which machine-translation engines to use. None configured: the editions show originals with a
/// note, never a half-translated mix.
struct TranslatorOptions: ParsableArguments {
    @Option(name: .customLong("libretranslate-url"), help: "LibreTranslate server, e.g. http://127.0.0.1:5000 (env ENBEKSHI_LIBRETRANSLATE_URL).")
    var libreTranslateURL: String?

    @Option(name: .customLong("libretranslate-key"), help: "LibreTranslate API key (env ENBEKSHI_LIBRETRANSLATE_KEY).")
    var libreTranslateKey: String?

    @Option(name: .customLong("openai-base-url"), help: "OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1 (env ENBEKSHI_OPENAI_BASE_URL).")
    var openAIBaseURL: String?

    @Option(name: .customLong("openai-model"), help: "Model name for the chat-completions server (env ENBEKSHI_OPENAI_MODEL).")
    var openAIModel: String?

    @Option(name: .customLong("openai-key"), help: "API key, sent as a Bearer token (env ENBEKSHI_OPENAI_KEY).")
    var openAIKey: String?

    @Option(name: .customLong("translate-rate"), help: "Translation requests per second (default 2).")
    var rate: Double = 2

    /// The engines in order: LibreTranslate first when both are set; the second is asked when the
    /// first leaves source-language words.
    func translators(client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> [any Translator]
    {
        var result: [any Translator] = []
        if let url = libreTranslateURL ?? environment["ENBEKSHI_LIBRETRANSLATE_URL"], !url.isEmpty {
            try Self.check(url, "--libretranslate-url")
            result.append(
                LibreTranslateTranslator(
                    baseURL: url, apiKey: libreTranslateKey ?? environment["ENBEKSHI_LIBRETRANSLATE_KEY"], client: client))
        }
        if let url = openAIBaseURL ?? environment["ENBEKSHI_OPENAI_BASE_URL"], !url.isEmpty {
            try Self.check(url, "--openai-base-url")
            guard let model = openAIModel ?? environment["ENBEKSHI_OPENAI_MODEL"], !model.isEmpty else {
                throw ValidationError("--openai-model is needed with --openai-base-url")
            }
            result.append(
                OpenAIChatTranslator(baseURL: url, model: model, apiKey: openAIKey ?? environment["ENBEKSHI_OPENAI_KEY"], client: client))
        }
        return result
    }

    static func check(_ url: String, _ flag: String) throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw ValidationError("\(flag) must be an http(s) URL, got \(url)")
        }
    }
}
