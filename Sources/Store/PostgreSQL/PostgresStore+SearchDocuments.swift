import EnbekshiCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// A version's search document, as `writeDocuments` takes it.
    struct SearchDocumentRow {
        var articleID: Int64
        var language: Language
        /// A `tsvector` literal (`PostgresSearchDocument.vector`).
        var vector: String
    }

    /// Writes search documents in one statement, each replacing its version's old one. The
    /// versions must exist (a document is deleted with its version).
    static func writeDocuments(_ documents: [SearchDocumentRow], on connection: PostgresConnection, logger: Logger) async throws {
        guard !documents.isEmpty else { return }
        try await run(
            """
            INSERT INTO search_documents (article_id, lang, document)
            SELECT id, lang, vector::tsvector FROM unnest(\(documents.map(\.articleID))::bigint[],
                \(documents.map(\.language.rawValue))::text[], \(documents.map(\.vector))::text[]) AS u (id, lang, vector)
            ON CONFLICT (article_id, lang) DO UPDATE SET document = excluded.document
            """, on: connection, logger: logger)
    }
}
