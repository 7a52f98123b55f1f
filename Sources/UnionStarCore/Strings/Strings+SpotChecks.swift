extension Strings {
    /// 抽查: the level above draws a reproducible sample of the units decided at a tier, on a page
    /// for its staff and a public page for everyone.
    public enum SpotChecks {
        public static let heading = LocalizedText(zh: "抽查", en: "Spot checks")
        public static let link = LocalizedText(zh: "抽查", en: "Spot checks")
        public static func intro(level: LocalizedText, tiers: [LocalizedText]) -> LocalizedText {
            LocalizedText(
                zh: "按评定方案，由\(level.zh)对部分“\(tiers.map(\.zh).joined(separator: "”“"))”单位进行抽查。样本由随机种子决定：同一总体、同一种子，任何人重复抽取都得到相同的单位。每次抽取都记录在案并公开；再次抽取是新的一次抽取，此前的记录保留。",
                en: "By the scheme, the \(level.en) spot-checks some of the units decided \(tiers.map(\.en).joined(separator: ", ")). A seed decides the sample: the same population and seed give anyone the same units. Every draw is recorded and published; drawing again is a new draw, and the earlier ones stay on record.")
        }
        public static let noTiers = LocalizedText(zh: "本活动的评定方案没有规定由地市总工会抽查的星级。",
                                                  en: "The campaign's schemes name no tier the prefecture federation spot-checks.")
        public static func populationHeading(tier: LocalizedText, count: Int) -> LocalizedText {
            LocalizedText(zh: "总体：确定为“\(tier.zh)”的单位，共\(count)个", en: "Population: the units decided \(tier.en), \(count) in all")
        }
        public static let populationOrder = LocalizedText(
            zh: "按单位编号的字节升序排列，即抽取时所用的顺序。", en: "In ascending byte order of the units' ids: the order the draw takes them in.")
        public static let number = LocalizedText(zh: "序号", en: "No.")
        public static let unit = LocalizedText(zh: "单位", en: "Unit")
        public static let unitID = LocalizedText(zh: "单位编号", en: "Unit id")
        public static let emptyPopulation = LocalizedText(zh: "尚无确定为该星级的单位，无从抽取。", en: "No unit is decided at this tier yet: there is nothing to draw.")
        public static let tier = LocalizedText(zh: "抽查星级", en: "Tier")
        public static let size = LocalizedText(zh: "样本量（抽取单位数）", en: "Sample size (units to draw)")
        public static let seed = LocalizedText(zh: "随机种子", en: "Seed")
        public static let seedHint = LocalizedText(
            zh: "0至18446744073709551615之间的整数；留空则由系统随机生成，并与结果一并记录、公开。",
            en: "A whole number from 0 to 18446744073709551615; left empty, the app picks one at random and records and publishes it with the result.")
        public static let submit = LocalizedText(zh: "抽取并记录", en: "Draw and record")
        public static func sizeOutOfRange(population: Int) -> LocalizedText {
            LocalizedText(zh: "样本量应为1至\(population)之间的整数。", en: "The sample size is a whole number from 1 to \(population).")
        }
        public static let seedInvalid = LocalizedText(
            zh: "随机种子应为0至18446744073709551615之间的整数（只写数字），或留空由系统生成。",
            en: "The seed is a whole number from 0 to 18446744073709551615 (digits only), or empty for the app to pick one.")
        public static let chooseTier = LocalizedText(zh: "请选择抽查的星级。", en: "Choose the tier.")
        public static let stale = LocalizedText(
            zh: "您打开本页后，已有人进行了新的抽取。请先查看最新的抽查记录，再决定是否再次抽取。",
            en: "Someone has drawn since you opened this page. Read the latest draws before deciding to draw again.")
        public static let drawsHeading = LocalizedText(zh: "抽查记录", en: "Draws")
        public static let noDraws = LocalizedText(zh: "尚无抽查记录。", en: "No draw yet.")
        public static func drawTitle(_ number: Int) -> LocalizedText {
            LocalizedText(zh: "第\(number)次抽查", en: "Draw \(number)")
        }
        public static func drawLine(tier: LocalizedText, at: String, by: String, seed: String, size: Int, population: Int) -> LocalizedText {
            LocalizedText(zh: "“\(tier.zh)”，\(at)，\(by)：种子\(seed)，从\(population)个单位中抽取\(size)个",
                          en: "\(tier.en), \(at), \(by): seed \(seed), \(size) of \(population) units")
        }
        public static let done = LocalizedText(zh: "抽查已完成并记录。", en: "The draw is done and recorded.")

        // MARK: The public page
        public static func publicHeading(_ number: Int) -> LocalizedText {
            LocalizedText(zh: "抽查结果公示（第\(number)次抽查）", en: "Spot check: the draw, published (draw \(number))")
        }
        public static let campaign = LocalizedText(zh: "评定活动", en: "Campaign")
        public static let federation = LocalizedText(zh: "抽查单位", en: "Drawn by (federation)")
        public static let drawnAt = LocalizedText(zh: "抽取时间", en: "Drawn at")
        public static let drawnBy = LocalizedText(zh: "抽取人", en: "Drawn by")
        public static let seedGiven = LocalizedText(zh: "（由抽取人输入）", en: " (given by the person drawing)")
        public static let seedRandom = LocalizedText(zh: "（由系统随机生成）", en: " (picked at random by the app)")
        public static let sizeOf = LocalizedText(zh: "样本量 / 总体", en: "Sample / population")
        public static func sizeText(size: Int, population: Int) -> LocalizedText {
            LocalizedText(zh: "\(size) / \(population)", en: "\(size) of \(population)")
        }
        public static let sampleHeading = LocalizedText(zh: "抽中的单位（按抽取顺序）", en: "Units drawn (in the order drawn)")
        public static func populationListHeading(_ count: Int) -> LocalizedText {
            LocalizedText(zh: "总体：共\(count)个单位", en: "The population: \(count) units")
        }
        public static let repeatHeading = LocalizedText(zh: "如何复核", en: "How to repeat the draw")
        public static func repeatText(seed: String, size: Int) -> LocalizedText {
            LocalizedText(
                zh: "任何人都可以重复这次抽取：下载总体名单（每行一个单位，以单位编号开头），运行 unionstar draw --seed \(seed) --size \(size) --population 总体名单文件，输出的单位及其顺序应与上面抽中的单位完全相同。也可以按下面的算法自行计算。",
                en: "Anyone can repeat this draw: download the population (one unit a line, starting with its id) and run unionstar draw --seed \(seed) --size \(size) --population FILE; it prints the same units in the same order as above. Or compute it by the algorithm below.")
        }
        public static let algorithm = LocalizedText(
            zh: "算法：把总体的单位编号按字节升序排列（即上表的顺序）；以随机种子为初始状态的 SplitMix64 伪随机数生成器（每次状态加 0x9E3779B97F4A7C15，输出 z = 状态，z = (z ^ (z >> 30)) × 0xBF58476D1CE4E5B9，z = (z ^ (z >> 27)) × 0x94D049BB133111EB，z ^ (z >> 31)，均按64位无符号整数取模）驱动 Fisher–Yates 洗牌：第 i 步（i 从0起）从第 i 个至最后一个单位中均匀选出一个（取 r = 输出 mod 剩余个数，输出不小于 (2⁶⁴ − 1) − ((2⁶⁴ − 1) mod 剩余个数) 时舍弃重取），与第 i 个交换；前 K 步选出的单位依次就是样本。",
            en: "Algorithm: put the units' ids in ascending byte order (the table's order); a SplitMix64 generator seeded with the seed (each step adds 0x9E3779B97F4A7C15 to the state and outputs z = state, z = (z ^ (z >> 30)) × 0xBF58476D1CE4E5B9, z = (z ^ (z >> 27)) × 0x94D049BB133111EB, z ^ (z >> 31), all modulo 2⁶⁴) drives a Fisher–Yates shuffle: step i (from 0) picks one of the units from the i-th to the last uniformly (r = output mod the number left, discarding outputs at or above (2⁶⁴ − 1) − ((2⁶⁴ − 1) mod the number left)) and swaps it with the i-th; the units picked in the first K steps, in order, are the sample.")
        public static let download = LocalizedText(zh: "下载总体名单（文本文件）", en: "Download the population (text file)")
        public static func populationFileHeading(campaign: String, tier: LocalizedText, number: Int) -> LocalizedText {
            LocalizedText(zh: "\(campaign) 第\(number)次抽查的总体（“\(tier.zh)”）：每行 单位编号<TAB>单位名称，按单位编号升序",
                          en: "\(campaign), draw \(number), the population (\(tier.en)): one line a unit, id<TAB>name, ids ascending")
        }
        public static let allDraws = LocalizedText(zh: "本活动的全部抽查记录", en: "Every draw of this campaign")
        public static let thisDraw = LocalizedText(zh: "（本页）", en: " (this page)")
    }
}
