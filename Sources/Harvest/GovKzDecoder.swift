import Foundation

/// Tolerant decoding of gov.kz answers (API.md "What to build against first").
public enum GovKzDecoder {
    /// An item of a list left out, with where it was (from 0) and why, in plain words.
    public struct Rejection: Sendable, Hashable, CustomStringConvertible {
        public var position: Int
        public var reason: String
        public var description: String { "item \(position + 1): \(reason)" }
    }

    /// A list page: a bare array, or an array under `content`, `data` or `items`. An element that
    /// cannot be read (no usable id, an invalid byte, a broken escape) is left out with its reason;
    /// the rest of the page is kept.
    public static func decodeList(_ data: some Collection<UInt8>) throws(GovKzError) -> (items: [GovKzItem], rejected: [Rejection]) {
        let (bytes, invalid) = text(Array(data))
        if let bad = invalid {
            // Not UTF-8 and not a code page we can tell: only the elements holding bad bytes are lost.
            if bytes.first(where: { !JSONElements.isSpace($0) }) == UInt8(ascii: "<") {
                throw .notJSON(contentType: "text/html (by its first byte)")
            }
            guard let ranges = JSONElements.ranges(bytes) else {
                throw .malformedJSON("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))")
            }
            return sorted(decodeEach(bytes, ranges))
        }
        do {
            return sorted(try elements(of: try parse(bytes)).map { .success($0) })
        } catch {
            // The page as a whole does not decode: read its elements one by one.
            guard case .malformedJSON = error, let ranges = JSONElements.ranges(bytes) else { throw error }
            return sorted(decodeEach(bytes, ranges))
        }
    }

    /// The items among a page's elements, and why each other element was left out.
    static func sorted(_ elements: [Result<JSONValue, Unusable>]) -> (items: [GovKzItem], rejected: [Rejection]) {
        var items: [GovKzItem] = []
        var rejected: [Rejection] = []
        for (position, element) in elements.enumerated() {
            switch element.flatMap(checkedItem(from:)) {
            case .success(let item): items.append(item)
            case .failure(let reason): rejected.append(Rejection(position: position, reason: reason.text))
            }
        }
        return (items, rejected)
    }

    static func elements(of value: JSONValue) throws(GovKzError) -> [JSONValue] {
        switch value {
        case .array(let elements):
            return elements
        case .object:
            guard let inner = ["content", "data", "items"].lazy.compactMap({ key -> [JSONValue]? in
                if case .array(let elements)? = value[key] { return elements }
                return nil
            }).first else {
                throw .malformedJSON("an object with no content/data/items array")
            }
            return inner
        default:
            throw .malformedJSON("neither an array nor an object")
        }
    }

    /// Each element decoded alone: a bad byte or escape costs only its element.
    static func decodeEach(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> [Result<JSONValue, Unusable>] {
        ranges.map { range in
            var element = Array(bytes[range])
            if let bad = LegacyEncoding.firstInvalidUTF8(element) {
                guard LegacyEncoding.looksLikeWindows1251(element) else {
                    let byte = String(element[bad], radix: 16, uppercase: true)
                    return .failure(Unusable(text: "invalid UTF-8 (byte 0x\(byte) at offset \(range.lowerBound + bad))"))
                }
                element = Array(LegacyEncoding.windows1251(element).utf8)
            }
            do {
                return .success(try JSONDecoder().decode(JSONValue.self, from: Data(element)))
            } catch {
                return .failure(Unusable(text: plainReason(error, element)))
            }
        }
    }

    /// What a reader of the log needs to know about an element JSON could not read.
    static func plainReason(_ error: any Error, _ element: [UInt8]) -> String {
        let text = String(decoding: element, as: UTF8.self).lowercased()
        if let range = text.range(of: #"\\ud[89ab][0-9a-f]{2}"#, options: .regularExpression),
            text[range.upperBound...].hasPrefix("\\ud") == false
        {
            return "a lone UTF-16 surrogate escape (\(text[range])) is not a character"
        }
        return "not valid JSON: \(summary(error))"
    }

    /// A detail answer: an object, possibly wrapped in `data` or `content`. Nil when it holds no item.
    public static func decodeDetail(_ data: some Collection<UInt8>) throws(GovKzError) -> GovKzItem? {
        let value = try parse(data)
        if let item = item(from: value) { return item }
        for key in ["data", "content"] {
            if let inner = value[key], let item = item(from: inner) { return item }
            if case .array(let elements)? = value[key], let first = elements.first, let item = item(from: first) {
                return item
            }
        }
        if case .array(let elements) = value, let first = elements.first { return item(from: first) }
        return nil
    }

    /// Either shape, for recorded files: a list page or a single item. `defaultID` is given to a
    /// single item recorded without one (items republished elsewhere, whose id is known separately).
    public static func decodeAny(_ data: some Collection<UInt8>, defaultID: String? = nil) throws(GovKzError)
        -> (items: [GovKzItem], rejected: [Rejection])
    {
        let bytes = text(Array(data)).bytes
        if let defaultID, case .object(var object) = try? parse(bytes), object["id"]?.text == nil {
            object["id"] = .string(defaultID)
            if let item = item(from: .object(object)) { return ([item], []) }
        }
        if let list = try? decodeList(bytes), !list.items.isEmpty || !list.rejected.isEmpty { return list }
        if let item = try decodeDetail(bytes) { return ([item], []) }
        return ([], [])
    }

    /// The answer as UTF-8 where it can be told (a whole answer in Windows-1251 is converted), and
    /// the offset of its first byte that is still not UTF-8.
    static func text(_ bytes: [UInt8]) -> (bytes: [UInt8], firstInvalid: Int?) {
        guard let bad = LegacyEncoding.firstInvalidUTF8(bytes) else { return (bytes, nil) }
        guard LegacyEncoding.looksLikeWindows1251(bytes) else { return (bytes, bad) }
        return (Array(LegacyEncoding.windows1251(bytes).utf8), nil)
    }

    static func parse(_ data: some Collection<UInt8>) throws(GovKzError) -> JSONValue {
        let bytes = Array(data)
        guard let first = bytes.first(where: { !JSONElements.isSpace($0) }) else {
            throw .malformedJSON("empty answer")
        }
        if first == UInt8(ascii: "<") { throw .notJSON(contentType: "text/html (by its first byte)") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .malformedJSON(Self.summary(error))
        }
    }

    static func summary(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.debugDescription
        }
        return String(describing: error).prefix(200).description
    }

    /// Reads one item leniently; nil without a usable id.
    public static func item(from value: JSONValue) -> GovKzItem? {
        try? checkedItem(from: value).get()
    }

    struct Unusable: Error {
        var text: String
    }

    /// Reads one item leniently, or says why it cannot be kept. An id must be an exact integer
    /// (or a string): `1e30` read as a number has lost its digits and would collide with others.
    static func checkedItem(from value: JSONValue) -> Result<GovKzItem, Unusable> {
        guard case .object = value else { return .failure(Unusable(text: "not an object")) }
        let id: String
        switch value["id"] {
        case .integer(let number)?:
            id = String(number)
        case .string(let text)?:
            id = text.trimmingCharacters(in: .whitespaces)
        case .number(let number)?:
            return .failure(Unusable(text: "id \(number) is not an exact integer"))
        case nil, .null?:
            return .failure(Unusable(text: "no id"))
        default:
            return .failure(Unusable(text: "id is not a number or a string"))
        }
        guard !id.isEmpty, id.count <= 40, !id.contains(where: { $0.isNewline || $0 == "/" }) else {
            return .failure(Unusable(text: "id \(id.prefix(40).debugDescription) is not usable"))
        }
        func text(_ keys: String...) -> String? {
            for key in keys {
                if let text = value[key]?.text { return text }
            }
            return nil
        }
        return .success(GovKzItem(
            id: id, title: text("title"), slug: text("slug", "alias"),
            body: text("body", "text", "content", "description"), heropic: text("heropic"),
            createdDate: text("created_date", "publication_date", "updated_date", "date"),
            shortDescription: text("short_description"), raw: value))
    }
}
