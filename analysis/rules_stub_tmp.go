package analysis

type funcInfo struct{}

func fileFamily() family            { return family{} }
func networkFamily() family         { return family{} }
func deserializationFamily() family { return family{} }
func resourceFamily() family        { return family{} }
func concurrencyFamily() family     { return family{} }
func cryptoFamily() family          { return family{} }
