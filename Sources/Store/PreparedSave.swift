import EnbekshiCore

/// A batch made ready to save: the work a save needs that no transaction does (compressing texts,
/// search documents) is done on every core before the write, so a pipeline can overlap it with the
/// previous batch's write instead of making the writer wait for it (`ArticleRepository.prepareSave`).
public struct PreparedSave: Sendable {
    public let items: [BulkArticle]
    let payload: Payload

    /// What the engine that prepared the batch made of it, one entry per item.
    enum Payload: Sendable {
        case packed([PackedTexts])
        case searchDocuments([String])
    }
}
