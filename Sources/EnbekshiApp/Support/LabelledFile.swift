import ArgumentParser
import Foundation

/// A labelled evaluation set: one JSON object a line, decoded as `T`; a bad line is a named error.
enum LabelledFile {
    static func read<T: Decodable>(_ path: String, as type: T.Type) throws -> [T] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        var items: [T] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let item = try? JSONDecoder().decode(T.self, from: Data(line.utf8)) else {
                throw ValidationError("\(path), line \(number + 1): not a labelled \(T.self)")
            }
            items.append(item)
        }
        guard !items.isEmpty else { throw ValidationError("\(path) has no labelled lines") }
        return items
    }
}
