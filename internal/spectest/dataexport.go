package spectest

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"

	"go.yaml.in/yaml/v4"
)

// DownloadDataExportOp is the one operation whose success response is not
// JSON: a gzipped CSV, which the client must request with
// Accept: application/octet-stream.
const DownloadDataExportOp = "downloadDataExport"

// DataExportCSV returns the uncompressed CSV that the server sends, gzipped,
// for downloadDataExport: a header row with the columns of the
// data_export_csv schema in document order, then two data rows. It is
// deterministic.
func DataExportCSV() []byte {
	return append([]byte(nil), mustSpec().csv...)
}

// dataExportCSV builds the CSV from the data_export_csv schema.
func dataExportCSV(top *yaml.Node) []byte {
	props := child(child(child(child(top, "components"), "schemas"), "data_export_csv"), "properties")
	var header []string
	var types []string
	pairs(props, func(name string, v *yaml.Node) {
		header = append(header, name)
		t := "string"
		if tn := child(v, "type"); tn != nil {
			t = tn.Value
		}
		types = append(types, t)
	})
	if len(header) == 0 {
		header, types = []string{"user_id", "message_id"}, []string{"string", "string"}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(header)
	for row := 1; row <= 2; row++ {
		rec := make([]string, len(header))
		for i, name := range header {
			switch types[i] {
			case "integer", "number":
				rec[i] = fmt.Sprint(1717000000 + row)
			case "boolean":
				rec[i] = "true"
			default:
				rec[i] = fmt.Sprintf("%s_%d", name, row)
			}
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// gzipBytes compresses b deterministically (no name, zero modification time).
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}
