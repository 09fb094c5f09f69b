import Store

/// The number of articles of each listing, kept until the content changes: counting a listing of a
/// few hundred thousand articles for its page count took most of an uncached page's time.
actor ListingCounts {
    private var generation: Int64 = -1
    private var counts: [ListingFilter?: Int] = [:]

    let generationSource: ContentGeneration

    init(generation: ContentGeneration) { generationSource = generation }

    func count(_ filter: ListingFilter?, store: any NewsStore) async throws -> Int {
        let current = try await generationSource.current()
        if current != generation {
            counts.removeAll(keepingCapacity: true)
            generation = current
        }
        if let known = counts[filter] { return known }
        let counted = try await store.publishedArticleCount(filter: filter, limit: ListingModel.countLimit)
        if generation == current { counts[filter] = counted }
        return counted
    }
}
