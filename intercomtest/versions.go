package intercomtest

import "slices"

// since reports whether the request's API version is v or later: a version
// with a description is compared with v; Unstable is later than every
// version and the versions before 2.10 are earlier than every later one, so
// a request of those gets the shapes of 2.16 and 2.10 respectively.
func (c *call) since(v string) bool { return versionAtLeast(c.version, v) }

func versionAtLeast(version, v string) bool {
	if version == "Unstable" {
		return true
	}
	i, j := slices.Index(versionOrder, version), slices.Index(versionOrder, v)
	if i < 0 {
		i = 0 // before 2.10: answered as 2.10
	}
	return i >= j
}
