extension String {
    /// A string made of these scalars (the stemmers work on scalar arrays).
    init(scalars: some Sequence<Unicode.Scalar>) {
        self.init()
        unicodeScalars.append(contentsOf: scalars)
    }
}
