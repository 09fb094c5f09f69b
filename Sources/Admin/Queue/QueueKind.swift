import EnbekshiCore
import Store

/// Why an item waits in the review queue: a quality flag on a version, a brief or a text changed
/// at the source, an uncertain section or region, a near-duplicate, or a source new to the newsroom.
enum QueueKind: Hashable, Sendable {
    case flag(QualityFlag.Kind)
    case version(VersionReview)
    case uncertainTopics
    case nearDuplicate
    case newSource

    static let all: [QueueKind] =
        QualityFlag.Kind.allCases.map(QueueKind.flag) + VersionReview.allCases.map(QueueKind.version) + [.uncertainTopics, .nearDuplicate, .newSource]

    /// The name in the queue's address (`?kind=`): a flag's own name, so old links still work.
    var rawValue: String {
        switch self {
        case .flag(let kind): kind.rawValue
        case .version(let kind): kind.rawValue
        case .uncertainTopics: "uncertain-topics"
        case .nearDuplicate: "near-duplicate"
        case .newSource: "new-source"
        }
    }

    init?(rawValue: String) {
        guard let kind = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }

    var label: String {
        switch self {
        case .flag(let kind): kind.rawValue
        case .version(.brief): "brief without a text"
        case .version(.changedAtSource): "changed at the source"
        case .uncertainTopics: "uncertain section or region"
        case .nearDuplicate: "near-duplicate"
        case .newSource: "new source"
        }
    }
}
