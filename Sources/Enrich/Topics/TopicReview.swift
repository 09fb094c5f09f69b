/// How uncertain the classifier must be before an editor is asked to look: decisions whose margin
/// (see `SectionClassifier.Result.margin`, `RegionResolver.Result.margin`) is under these go to the
/// review queue. Chosen on cross-validation of the bundled set; `enbekshi classify` reports what
/// they catch on any labelled file.
public enum TopicReview {
    public static let sectionMargin = 0.25
    public static let regionMargin = 0.51
}
