import EnbekshiCore
import Foundation

/// A recorded gov.kz answer on disk, for `enbekshi ingest`.
///
/// File names may carry the project and language: `<project>-<id>-<lang>.json`
/// (e.g. `kgd-zhetysu-1127933-en.json`); flags override them.
public struct RecordedFile: Sendable {
    public var path: String
    public var project: String?
    public var language: Language?
    /// The gov.kz id of a single item recorded without one.
    public var defaultID: String?

    public init(path: String, project: String? = nil, language: Language? = nil, defaultID: String? = nil) {
        let named = Self.parseName(path)
        self.path = path
        self.project = project ?? named.project
        self.language = language ?? named.language
        self.defaultID = defaultID
    }

    /// Project and language from `<project>-<id>-<lang>.json`; nil parts when the name does not follow it.
    public static func parseName(_ path: String) -> (project: String?, id: String?, language: Language?) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var parts = name.split(separator: "-").map(String.init)
        guard parts.count >= 3, let language = Language(rawValue: parts.removeLast()) else { return (nil, nil, nil) }
        let id = parts.removeLast()
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else { return (nil, nil, language) }
        return (parts.joined(separator: "-"), id, language)
    }

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        case missing(String, String)
        case undecodable(String, GovKzError)
        case badProject(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path, let why): "\(path): cannot read: \(why)"
            case .missing(let path, let what): "\(path): \(what) unknown (name the file <project>-<id>-<lang>.json or pass --\(what))"
            case .undecodable(let path, let error): "\(path): \(error)"
            case .badProject(let path, let project): "\(path): project \(project.debugDescription) is not a gov.kz slug (a-z, 0-9 and -)"
            }
        }
    }

    /// Reads and decodes the file: a list page in either shape, or a single item.
    public func items() throws(ReadError)
        -> (project: String, language: Language, items: [GovKzItem], rejected: [GovKzDecoder.Rejection])
    {
        guard let project, !project.isEmpty else { throw .missing(path, "project") }
        guard Source.isValidSlug(project) else { throw .badProject(path, project) }
        guard let language else { throw .missing(path, "lang") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
        do {
            let decoded = try GovKzDecoder.decodeAny(data, defaultID: defaultID)
            return (project, language, decoded.items, decoded.rejected)
        } catch {
            throw .undecodable(path, error)
        }
    }
}
