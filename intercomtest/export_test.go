package intercomtest

// Replays reports whether the server answers the endpoint (method and
// canonical template) with the examples of the descriptions rather than
// from its state.
func Replays(method, template string) bool {
	for _, f := range loadFixtures() {
		if f.method == method && f.template == template {
			return true
		}
	}
	return false
}
