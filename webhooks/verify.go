package webhooks

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/go-intercom/intercom"
)

// SignatureHeader is the request header in which Intercom sends the
// signature of a webhook notification: "sha1=" followed by the hex HMAC-SHA1
// of the raw body, keyed with the app's client secret.
const SignatureHeader = "X-Hub-Signature"

// signaturePrefix starts every signature; the algorithm name is matched
// without regard to case.
const signaturePrefix = "sha1="

// Sentinel errors of signature verification, for use with errors.Is.
var (
	// ErrSignatureMissing matches a request without an X-Hub-Signature header
	// (or with an empty one).
	ErrSignatureMissing = errors.New("intercom: webhook signature missing")
	// ErrSignatureMalformed matches a signature header that is not
	// "sha1=" followed by 40 hex digits.
	ErrSignatureMalformed = errors.New("intercom: webhook signature malformed")
	// ErrSignatureMismatch matches a well-formed signature that is not the
	// body's: the wrong secret, or a body changed in transit.
	ErrSignatureMismatch = errors.New("intercom: webhook signature does not match the body")
)

// SignatureError is returned when a notification's signature cannot be
// accepted. Err is ErrSignatureMissing, ErrSignatureMalformed or
// ErrSignatureMismatch, so errors.Is tells the cases apart. The message never
// contains the secret or the expected signature.
type SignatureError struct {
	// Err is the sentinel of the failure.
	Err error
	// Reason adds detail, such as "has 38 characters after sha1=, want 40 hex digits".
	Reason string
}

// Error describes the failure.
func (e *SignatureError) Error() string {
	if e.Reason == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + ": " + e.Reason
}

// Unwrap returns the sentinel.
func (e *SignatureError) Unwrap() error { return e.Err }

func newSignatureError(sentinel error, reason string) error {
	return &SignatureError{Err: sentinel, Reason: reason}
}

// ParseSignature decodes the value of an X-Hub-Signature header into the
// 20-byte HMAC-SHA1 digest it carries. Surrounding white space is ignored,
// as are the case of "sha1" and of the hex digits. An empty header is
// ErrSignatureMissing; anything but "sha1=" and 40 hex digits is
// ErrSignatureMalformed (both wrapped in a *SignatureError).
func ParseSignature(header string) ([]byte, error) {
	h := strings.TrimSpace(header)
	if h == "" {
		return nil, newSignatureError(ErrSignatureMissing, "no "+SignatureHeader+" header")
	}
	if !hasPrefixFoldASCII(h, signaturePrefix) {
		if i := strings.IndexByte(h, '='); i > 0 && i <= 16 {
			return nil, newSignatureError(ErrSignatureMalformed, "the algorithm is not sha1")
		}
		return nil, newSignatureError(ErrSignatureMalformed, "does not start with "+signaturePrefix)
	}
	digits := h[len(signaturePrefix):]
	if len(digits) != 2*sha1.Size {
		return nil, newSignatureError(ErrSignatureMalformed,
			fmt.Sprintf("has %d characters after %s, want %d hex digits", len(digits), signaturePrefix, 2*sha1.Size))
	}
	sig := make([]byte, sha1.Size)
	if _, err := hex.Decode(sig, []byte(digits)); err != nil {
		return nil, newSignatureError(ErrSignatureMalformed, "is not hexadecimal after "+signaturePrefix)
	}
	return sig, nil
}

// hasPrefixFoldASCII reports whether s starts with prefix (lower-case ASCII),
// ignoring the case of ASCII letters only.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// VerifySignature checks that header (the X-Hub-Signature value) is the
// signature of body under secret, the app's client secret from the
// Developer Hub (Basic Info page). body must be the raw request body, byte
// for byte: verify before decoding it. The comparison takes constant time.
//
// It returns nil when the signature matches, a *SignatureError matching
// ErrSignatureMissing, ErrSignatureMalformed or ErrSignatureMismatch
// otherwise, and an *intercom.InvalidRequestError (matching
// intercom.ErrInvalidRequest) when secret is empty (an empty key would let
// anyone sign).
func VerifySignature(body []byte, header, secret string) error {
	if secret == "" {
		return errEmptySecret()
	}
	got, err := ParseSignature(header)
	if err != nil {
		return err
	}
	if !hmac.Equal(signatureOf(body, secret), got) {
		return newSignatureError(ErrSignatureMismatch, "")
	}
	return nil
}

// errEmptySecret is the error of an empty client secret.
func errEmptySecret() error {
	return &intercom.InvalidRequestError{Field: "secret", Reason: "is empty (use the app's client secret)"}
}

// Sign returns the X-Hub-Signature value Intercom would send for body under
// secret: "sha1=" and the hex HMAC-SHA1. Use it to test your receiver.
func Sign(body []byte, secret string) string {
	return signaturePrefix + hex.EncodeToString(signatureOf(body, secret))
}

func signatureOf(body []byte, secret string) []byte {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write(body)
	return mac.Sum(nil)
}
