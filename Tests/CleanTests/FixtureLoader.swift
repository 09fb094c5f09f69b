import Foundation
import Testing

/// Reads the body of a recorded gov.kz item from this target's Fixtures folder.
enum FixtureLoader {
    static func body(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(object["body"] as? String)
    }
}
