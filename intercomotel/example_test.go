package intercomotel_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomotel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// Trace every call of a client. In a service, leave out the providers to
// use the global ones (otel.SetTracerProvider, otel.SetMeterProvider).
func Example() {
	// A stand-in for Intercom, for the example.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"type":"admin","id":"1","name":"Ada"}`)
	}))
	defer srv.Close()

	spans := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans))
	obs, err := intercomotel.New(intercomotel.WithTracerProvider(tp))
	if err != nil {
		log.Fatal(err)
	}
	client, err := intercom.NewClient("token", intercom.WithBaseURL(srv.URL), intercom.WithObserver(obs))
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.Admins.Get(context.Background(), "1"); err != nil {
		log.Fatal(err)
	}
	for _, s := range spans.Ended() {
		fmt.Println(s.Name(), s.SpanKind())
	}
	// Output: intercom Admins.Get client
}
