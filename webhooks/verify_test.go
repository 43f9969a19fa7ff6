package webhooks

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/go-intercom/intercom"
)

func TestSignKnownVector(t *testing.T) {
	t.Parallel()
	// RFC 2104 HMAC-SHA1 test value.
	got := Sign([]byte("The quick brown fox jumps over the lazy dog"), "key")
	if want := "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"; got != want {
		t.Fatalf("Sign = %s, want %s", got, want)
	}
	if got := Sign([]byte(whPing), whSecret); got != whHMAC(whPing, whSecret) {
		t.Fatalf("Sign(ping) = %s, want %s", got, whHMAC(whPing, whSecret))
	}
}

func TestParseSignature(t *testing.T) {
	t.Parallel()
	const hexSig = "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
	want, _ := hex.DecodeString(hexSig)
	valid := []string{
		"sha1=" + hexSig,
		"SHA1=" + strings.ToUpper(hexSig),
		"  sha1=" + hexSig + "\t",
		"Sha1=" + hexSig,
	}
	for _, h := range valid {
		got, err := ParseSignature(h)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ParseSignature(%q) = %x, %v; want %x", h, got, err, want)
		}
	}

	bad := []struct {
		header string
		want   error
	}{
		{"", ErrSignatureMissing},
		{"   ", ErrSignatureMissing},
		{hexSig, ErrSignatureMalformed},
		{"sha1", ErrSignatureMalformed},
		{"sha1=", ErrSignatureMalformed},
		{"sha1:" + hexSig, ErrSignatureMalformed},
		{"sha256=" + hexSig + hexSig[:24], ErrSignatureMalformed},
		{"md5=" + hexSig, ErrSignatureMalformed},
		{"sha1=" + hexSig[:38], ErrSignatureMalformed},
		{"sha1=" + hexSig + "00", ErrSignatureMalformed},
		{"sha1=" + strings.Repeat("z", 40), ErrSignatureMalformed},
		{"sha1= " + hexSig[:39], ErrSignatureMalformed},
		{"sha1=" + hexSig[:39] + "é", ErrSignatureMalformed},
		{"ſha1=" + hexSig, ErrSignatureMalformed}, // U+017F folds to s in Unicode, not in ASCII
		{"sha1=" + hexSig + ",sha1=" + hexSig, ErrSignatureMalformed},
	}
	sentinels := []error{ErrSignatureMissing, ErrSignatureMalformed, ErrSignatureMismatch}
	for _, tc := range bad {
		got, err := ParseSignature(tc.header)
		if got != nil || !errors.Is(err, tc.want) {
			t.Errorf("ParseSignature(%q) = %x, %v; want %v", tc.header, got, err, tc.want)
			continue
		}
		for _, s := range sentinels {
			if s != tc.want && errors.Is(err, s) {
				t.Errorf("ParseSignature(%q) error %v also matches %v", tc.header, err, s)
			}
		}
		var se *SignatureError
		if !errors.As(err, &se) || se.Err != tc.want {
			t.Errorf("ParseSignature(%q) error %T is not a *SignatureError of %v", tc.header, err, tc.want)
		}
	}
}

func TestVerifySignature(t *testing.T) {
	t.Parallel()
	body := []byte(whConversationUserCreated)
	good := whHMAC(whConversationUserCreated, whSecret)
	if err := VerifySignature(body, good, whSecret); err != nil {
		t.Fatalf("VerifySignature(valid) = %v", err)
	}
	if err := VerifySignature(body, strings.ToUpper(good), whSecret); err != nil {
		t.Fatalf("VerifySignature(upper-case) = %v", err)
	}

	tampered := bytes.Replace(body, []byte(`"open": true`), []byte(`"open": false`), 1)
	if bytes.Equal(tampered, body) {
		t.Fatal("tampering did not change the body")
	}
	tests := []struct {
		name           string
		body           []byte
		header, secret string
		want           error
	}{
		{"wrong secret", body, whHMAC(whConversationUserCreated, "not-the-secret"), whSecret, ErrSignatureMismatch},
		{"tampered body", tampered, good, whSecret, ErrSignatureMismatch},
		{"trailing newline added", append(append([]byte(nil), body...), '\n'), good, whSecret, ErrSignatureMismatch},
		{"missing", body, "", whSecret, ErrSignatureMissing},
		{"malformed", body, "sha1=xyz", whSecret, ErrSignatureMalformed},
		{"sha256", body, "sha256=" + strings.Repeat("ab", 32), whSecret, ErrSignatureMalformed},
		{"signature of another body", body, whHMAC(whPing, whSecret), whSecret, ErrSignatureMismatch},
		{"empty secret", body, good, "", intercom.ErrInvalidRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := VerifySignature(tc.body, tc.header, tc.secret)
			if !errors.Is(err, tc.want) {
				t.Fatalf("VerifySignature = %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), whSecret) || strings.Contains(err.Error(), strings.TrimPrefix(good, "sha1=")) {
				t.Fatalf("error %q reveals the secret or the expected signature", err)
			}
		})
	}
}

func FuzzParseSignature(f *testing.F) {
	body := []byte(whPing)
	valid := Sign(body, whSecret)
	for _, s := range []string{valid, strings.ToUpper(valid), "", "sha1=", "sha1=zz", "sha256=00", valid + " ", " " + valid[:20]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		sig, err := ParseSignature(header)
		if err != nil {
			if sig != nil {
				t.Fatalf("ParseSignature(%q) returned %x with error %v", header, sig, err)
			}
			n := 0
			for _, s := range []error{ErrSignatureMissing, ErrSignatureMalformed, ErrSignatureMismatch} {
				if errors.Is(err, s) {
					n++
				}
			}
			if n != 1 || errors.Is(err, ErrSignatureMismatch) {
				t.Fatalf("ParseSignature(%q) error %v matches %d sentinels", header, err, n)
			}
			if vErr := VerifySignature(body, header, whSecret); vErr == nil {
				t.Fatalf("VerifySignature accepted %q that ParseSignature rejects", header)
			}
			return
		}
		if len(sig) != sha1.Size {
			t.Fatalf("ParseSignature(%q) = %d bytes", header, len(sig))
		}
		// What was accepted is "sha1=" and the hex of sig, give or take case and space.
		if want := "sha1=" + hex.EncodeToString(sig); !strings.EqualFold(strings.TrimSpace(header), want) {
			t.Fatalf("ParseSignature(%q) = %x, which prints as %s", header, sig, want)
		}
		// Verification agrees with a direct comparison.
		vErr := VerifySignature(body, header, whSecret)
		same := hmac.Equal(sig, mustDecodeHex(t, strings.TrimPrefix(valid, "sha1=")))
		if same != (vErr == nil) || (!same && !errors.Is(vErr, ErrSignatureMismatch)) {
			t.Fatalf("VerifySignature(%q) = %v, same digest %v", header, vErr, same)
		}
	})
}

func mustDecodeHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
