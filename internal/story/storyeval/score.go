package storyeval

// Scores compares a predicted clustering with the gold one.
type Scores struct {
	BCubedP, BCubedR, BCubedF1 float64
	PairP, PairR, PairF1       float64
	Predicted, Gold            int // number of clusters
}

// Score computes BCubed (per item, averaged) and pairwise precision and recall. gold and
// pred are parallel: the labels of item i.
func Score[G, P comparable](gold []G, pred []P) Scores {
	type cell struct {
		g G
		p P
	}
	gSize := make(map[G]int)
	pSize := make(map[P]int)
	both := make(map[cell]int)
	for i := range gold {
		gSize[gold[i]]++
		pSize[pred[i]]++
		both[cell{gold[i], pred[i]}]++
	}
	var s Scores
	s.Gold, s.Predicted = len(gSize), len(pSize)
	n := float64(len(gold))
	if n == 0 {
		return s
	}
	// BCubed: each item in cell (g,p) has precision |cell|/|p| and recall |cell|/|g|.
	var tp, predPairs, goldPairs float64
	for c, k := range both {
		fk := float64(k)
		s.BCubedP += fk * fk / float64(pSize[c.p])
		s.BCubedR += fk * fk / float64(gSize[c.g])
		tp += fk * (fk - 1) / 2
	}
	s.BCubedP /= n
	s.BCubedR /= n
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	for _, k := range pSize {
		predPairs += float64(k) * float64(k-1) / 2
	}
	for _, k := range gSize {
		goldPairs += float64(k) * float64(k-1) / 2
	}
	s.PairP, s.PairR = 1, 1
	if predPairs > 0 {
		s.PairP = tp / predPairs
	}
	if goldPairs > 0 {
		s.PairR = tp / goldPairs
	}
	s.PairF1 = f1(s.PairP, s.PairR)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
