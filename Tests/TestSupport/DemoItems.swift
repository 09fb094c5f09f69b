import Foundation

/// The bundled demo corpus's items (real gov.kz titles and bodies in three languages), read
/// straight from `Sources/EnbekshiApp/Resources/demo`, for property tests over real text.
public enum DemoItems {
    public struct Item: Sendable {
        public var file: String
        public var title: String
        public var body: String
    }

    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/EnbekshiApp/Resources/demo")

    /// Every item of every file: a list, a `content` wrapper or a single item.
    public static let all: [Item] = {
        var result: [Item] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
                let object = try? JSONSerialization.jsonObject(with: data)
            else { continue }
            var list: [[String: Any]] = []
            if let array = object as? [[String: Any]] { list = array }
            if let dictionary = object as? [String: Any] {
                list = (dictionary["content"] as? [[String: Any]]) ?? [dictionary]
            }
            for item in list {
                result.append(Item(file: file, title: (item["title"] as? String) ?? "", body: (item["body"] as? String) ?? ""))
            }
        }
        return result
    }()
}
