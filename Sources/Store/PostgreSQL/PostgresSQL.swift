import PostgresNIO

/// A statement put together from pieces, each value bound as a parameter (`$1`, `$2`…): for the
/// few reads whose filters vary (listings, the API, search).
struct PostgresSQL {
    private(set) var text = ""
    private(set) var binds = PostgresBindings()

    init(_ text: String = "") {
        self.text = text
    }

    mutating func append(_ piece: String) {
        text += piece
    }

    /// Binds a value and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds NULL (its type is the column's it lands in) and returns its placeholder.
    mutating func bindNull() -> String {
        binds.appendNull()
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: text, binds: binds) }
}

