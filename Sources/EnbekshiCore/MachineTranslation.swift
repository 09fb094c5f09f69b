import Foundation

/// Where a machine-translated version came from. gov.kz's own versions have none.
public struct MachineTranslation: Sendable, Hashable {
    /// The engine, e.g. `libretranslate` or `openai`.
    public var engine: String
    /// The model, where the engine names one.
    public var model: String?
    public var translatedAt: Date
    /// The language of the gov.kz text it was translated from.
    public var sourceLanguage: Language

    public init(engine: String, model: String?, translatedAt: Date, sourceLanguage: Language) {
        self.engine = engine
        self.model = model
        self.translatedAt = translatedAt
        self.sourceLanguage = sourceLanguage
    }
}
