/// The one stylesheet: readable type, a narrow measure, light and dark themes, no JavaScript.
enum Stylesheet {
    /// Bump when the CSS changes, so caches fetch the new file.
    static let version = 11

    static let css = """
        :root { color-scheme: light dark; --fg: #1b1b1b; --muted: #595959; --bg: #fdfdfb; --accent: #0b5394;
          --rule: #d9d9d9; --note-bg: #fff6d6; --note-fg: #4a3b00; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #ececec; --muted: #b3b3b3; --bg: #141414; --accent: #8ab4f8; --rule: #3a3a3a;
            --note-bg: #3a3113; --note-fg: #f4e4b0; }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; }
        a { color: var(--accent); }
        a:focus-visible, .skip:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
        .wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
        .wrap.wide { max-width: 76rem; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
        .skip:focus { left: 1rem; }
        .masthead { border-bottom: 3px double var(--rule); padding: 1rem 0 .5rem; margin-bottom: 1.5rem;
          font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
        .brand { font: 700 2rem/1.1 Georgia, serif; color: var(--fg); text-decoration: none; letter-spacing: .02em; }
        .tagline { margin: .25rem 0 .5rem; color: var(--muted); font-size: .95rem; }
        .nav, .langs { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .langs span[aria-current] { font-weight: 700; }
        .sections { font-size: .9rem; gap: .15rem .8rem; }
        .sections-fold { display: none; }
        .sections-fold summary { cursor: pointer; font-size: .95rem; margin: .25rem 0; }
        /* A phone's first screen is for the news: the tagline goes and the sections fold away. */
        @media (max-width: 40rem) {
          .sections-fold { display: block; }
          .sections-wide, .tagline { display: none; }
          .masthead { padding-top: .6rem; margin-bottom: 1rem; }
        }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: .5rem 0 .75rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; }
        .news { list-style: none; padding: 0; margin: 0; }
        .news li { border-bottom: 1px solid var(--rule); padding: .9rem 0; }
        .news h2 { margin: 0 0 .25rem; font-size: 1.2rem; }
        .news h2 a { color: var(--fg); text-decoration: none; }
        .news h2 a:hover, .news h2 a:focus { text-decoration: underline; }
        .meta { color: var(--muted); font: .9rem/1.4 system-ui, sans-serif; margin: 0 0 .35rem; }
        .gloss { color: var(--muted); font-size: .9em; }
        .lead { margin: .25rem 0 0; }
        .note { background: var(--note-bg); color: var(--note-fg); padding: .6rem .8rem; border-radius: 4px;
          font: .95rem/1.5 system-ui, sans-serif; }
        .body p, .body li { margin: 0 0 1em; }
        .body img { max-width: 100%; height: auto; }
        .body figure { margin: 1rem 0; }
        .body blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
        .table { overflow-x: auto; }
        .body table { border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
        .body td { border: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top; }
        /* Pictures keep their shape from width and height (no layout shift); a thumbnail sits beside its
           headline, the lead story's picture spans its column. */
        picture img { display: block; width: 100%; height: auto; border-radius: 3px; background: var(--rule); }
        .hero { margin: 0 0 1.25rem; }
        .hero figcaption { color: var(--muted); font: .85rem/1.4 system-ui, sans-serif; margin-top: .35rem; }
        .news li.with-picture { display: grid; grid-template-columns: minmax(0, 1fr) 7rem; grid-template-rows: auto auto 1fr;
          gap: 0 1rem; }
        .news li.with-picture > .pic { grid-column: 2; grid-row: 1 / span 3; }
        .news li.with-picture > .pic img { aspect-ratio: 4 / 3; object-fit: cover; }
        .news li.with-picture > :not(.pic) { grid-column: 1; }
        .lead-first > li.with-picture:first-child { display: block; }
        .lead-first > li.with-picture:first-child > .pic { margin-bottom: .6rem; }
        .lead-first > li.with-picture:first-child > .pic img { aspect-ratio: 16 / 9; object-fit: cover; }
        .hero img { max-height: min(60vh, 26rem); object-fit: cover; }
        @media (min-width: 40rem) { .news li.with-picture { grid-template-columns: minmax(0, 1fr) 9rem; } }
        .body > p:first-child { font-size: 1.15em; line-height: 1.55; }
        .source { border-top: 1px solid var(--rule); padding-top: .75rem; font: .95rem/1.5 system-ui, sans-serif; }
        .pager { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin: 1.5rem 0;
          font: .95rem/1.5 system-ui, sans-serif; }
        .more { font: 1rem/1.5 system-ui, sans-serif; }
        .footer { color: var(--muted); border-top: 1px solid var(--rule); margin-top: 2rem; padding: 1rem;
          font: .85rem/1.5 system-ui, sans-serif; }
        .news h3 { margin: 0 0 .25rem; font-size: 1.1rem; }
        .news h3 a { color: var(--fg); text-decoration: none; }
        .news h3 a:hover, .news h3 a:focus { text-decoration: underline; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .top { border-bottom: 3px double var(--rule); margin-bottom: 1rem; }
        .not-yet { border-top: 3px double var(--rule); margin-top: 1rem; }
        .not-yet .count { color: var(--muted); font-weight: normal; }
        .most-read ol { padding-left: 1.5rem; }
        .most-read li { margin: .3rem 0; }
        .views { color: var(--muted); font-size: .9em; white-space: nowrap; }
        /* The front page on a wide screen: the news in columns (a lead story across them), and a
           sidebar with what is most read and the regions. One column on a phone, in the same order. */
        @media (min-width: 64rem) {
          .front { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 0 2.5rem; align-items: start; }
          .front-side { border-left: 1px solid var(--rule); padding-left: 1.5rem; }
          .front-main .top .news, .front-main .latest .news { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 2rem; }
          .front-main > section > .lead-first > li:first-child { grid-column: 1 / -1; }
          .front-main > section > .lead-first > li:first-child h3 { font-size: 1.6rem; }
          .front-side ul.regions { display: block; }
          .front-side ul.regions li { margin: .15rem 0; }
        }
        .blocks { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1.5rem; }
        .block h2 { font-size: 1.1rem; margin: 1.25rem 0 0; border-bottom: 2px solid var(--fg); }
        .block h2 a { color: var(--fg); text-decoration: none; }
        ul.regions { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem;
          font: .95rem/1.5 system-ui, sans-serif; }
        .days, .feeds { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem; margin: 1rem 0;
          font: .95rem/1.5 system-ui, sans-serif; }
        .feeds { justify-content: flex-start; }
        mark { background: var(--note-bg); color: var(--note-fg); padding: 0 .1em; }
        form.search { font: 1rem/1.5 system-ui, sans-serif; }
        form.search input, form.search select, form.search button { font: inherit; padding: .3rem .4rem; margin: .15rem 0; }
        form.search input[type=search] { width: min(100%, 24rem); }
        .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
        .related { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
        @media print {
          .masthead nav, .langs, .sections-fold, .pager, .feeds, .days, .front-side, .related, .skip, form.search { display: none; }
          body { background: #fff; color: #000; font-size: 11pt; }
          a { color: #000; }
          .wrap, .wrap.wide { max-width: none; }
          picture img { max-height: 9cm; width: auto; }
        }
        .room main, .room .masthead { font: 1rem/1.5 system-ui, sans-serif; }
        .room table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
        .room th, .room td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        .room td ul { margin: 0; padding-left: 1rem; }
        .room input, .room select, .room button { font: inherit; padding: .3rem .4rem; }
        .room-form label { display: block; }
        .room-form input { width: min(100%, 24rem); }
        .room form.inline { display: inline; }
        .room textarea { font: inherit; width: 100%; box-sizing: border-box; padding: .3rem .4rem; }
        .room fieldset { border: 1px solid var(--rule); margin: 1rem 0; padding: .5rem 1rem; }
        .room .chart { margin: 1.5rem 0; max-width: 48rem; }
        .room .chart figcaption { font-weight: 600; }
        .room .chart svg { display: block; background: #fff; border: 1px solid var(--rule); }
        .room .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
        .room .chart svg.swatch { display: inline; border: 0; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; }
        .room dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        .room dl.figures dd { margin: 0; }
        .room-form.writing input:not([type=hidden]) { width: 100%; box-sizing: border-box; }
        .room .preview { border-left: 3px solid var(--rule); padding-left: 1rem; margin: 1rem 0; }
        .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
        @media (max-width: 50rem) { .side-by-side { grid-template-columns: 1fr; } }
        .room .button { display: inline-block; border: 1px solid currentColor; padding: .3rem .6rem; }
        .signout { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .25rem 0; }
        .queue-kinds { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .queue-kinds a[aria-current] { font-weight: bold; }
        .history-text { white-space: pre-wrap; border-left: 3px solid var(--rule); padding-left: .75rem; }
        .room code.key { overflow-wrap: anywhere; }
        .notice { background: var(--note-bg); color: var(--note-fg); padding: .5rem .75rem; }
        .problem { border-left: 4px solid currentColor; padding: .5rem .75rem; font-weight: bold; }
        @media (max-width: 40rem) { .room table, .room tbody, .room tr, .room td { display: block; } .room thead { display: none; }
          .room td { border: 0; padding: .15rem 0; } .room tr { border-bottom: 1px solid var(--rule); padding: .5rem 0; } }
        @media (max-width: 30rem) { h1 { font-size: 1.5rem; } .brand { font-size: 1.6rem; } }
        """
}
