import EnbekshiCore

/// Section and region together, as stored with an article.
public enum TopicClassifier {
    public static func topics(source: Source, title: String, paragraphs: [String]) -> ArticleTopics {
        let region = RegionResolver.resolve(source: source, title: title, paragraphs: paragraphs)
        let section = SectionClassifier.classify(source: source, title: title, paragraphs: paragraphs, region: region.code)
        return ArticleTopics(
            section: section.primary, secondary: section.secondary, sectionScore: section.score,
            sectionReason: section.reason, region: region.code, place: region.place, regionReason: region.reason,
            sectionMargin: section.margin, regionMargin: region.margin)
    }
}
