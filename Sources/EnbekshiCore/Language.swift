/// The three editions of the site and the three languages gov.kz publishes in.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case kk, ru, en

    /// Order in which the other languages are tried when an article lacks this one.
    /// Kazakh and Russian readers understand each other's language better than English;
    /// English readers get Russian first, the language gov.kz fills most often.
    public var fallbackOrder: [Language] {
        switch self {
        case .kk: [.kk, .ru, .en]
        case .ru: [.ru, .kk, .en]
        case .en: [.en, .ru, .kk]
        }
    }

    /// The language's own name for itself.
    public var endonym: String {
        switch self {
        case .kk: "Қазақша"
        case .ru: "Русский"
        case .en: "English"
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.sortIndex < rhs.sortIndex
    }

    private var sortIndex: Int {
        switch self {
        case .kk: 0
        case .ru: 1
        case .en: 2
        }
    }
}
