package intercomtest

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/csv"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// export is a stored data export job.
type export struct {
	id            string
	status        string
	after, before int64
	expiresAt     int64
	csv           []byte // gzipped, once completed
}

// downloadTTL is how long a completed export can be downloaded.
const downloadTTL = 2 * 24 * 3600

func (c *call) renderExport(e *export) obj {
	out := obj{"job_identifier": e.id, "status": e.status, "download_url": "", "download_expires_at": ""}
	if e.status == "completed" {
		out["download_url"] = c.srv.URL() + "/download/content/data/" + e.id
		out["download_expires_at"] = strconv.FormatInt(e.expiresAt, 10)
	}
	return out
}

func (st *state) findExport(id string) (*export, *reply) {
	e := st.exports[id]
	if e == nil {
		rp := notFound("not_found", "Export job not found")
		return nil, &rp
	}
	return e, nil
}

// jobID returns a new job identifier like Intercom's ("3pnq4uopx4s9cmye").
func jobID() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	var b [16]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:])
}

func registerExports(rt *router) {
	rt.add(http.MethodPost, "/export/content/data", func(c *call) reply {
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		after, ok1 := toInt(body["created_at_after"])
		before, ok2 := toInt(body["created_at_before"])
		switch {
		case !ok1:
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "created_at_after", "created_at_after must be a Unix timestamp")
		case !ok2:
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "created_at_before", "created_at_before must be a Unix timestamp")
		case before < after:
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "created_at_before", "created_at_before is before created_at_after")
		}
		e := &export{id: jobID(), status: "pending", after: after, before: before}
		c.st.exports[e.id] = e
		return ok(c.renderExport(e))
	})
	rt.add(http.MethodGet, "/export/content/data/{job_identifier}", func(c *call) reply {
		e, rp := c.st.findExport(c.param("job_identifier"))
		if rp != nil {
			return *rp
		}
		// Each check moves the job on: pending → in_progress → completed
		// (or no_data when no message was sent in the range).
		switch e.status {
		case "pending":
			e.status = "in_progress"
		case "in_progress":
			rows := c.st.exportRows(e.after, e.before)
			if len(rows) == 0 {
				e.status = "no_data"
				break
			}
			e.csv = gzipCSV(rows)
			e.status, e.expiresAt = "completed", c.now+downloadTTL
		}
		return ok(c.renderExport(e))
	})
	rt.add(http.MethodPost, "/export/cancel/{job_identifier}", func(c *call) reply {
		e, rp := c.st.findExport(c.param("job_identifier"))
		if rp != nil {
			return *rp
		}
		if e.status == "pending" || e.status == "in_progress" {
			e.status = "canceled"
		}
		return ok(c.renderExport(e))
	})
	rt.add(http.MethodGet, "/download/content/data/{job_identifier}", func(c *call) reply {
		if !acceptsOctetStream(c.r.Header.Values("Accept")) {
			return errReply(http.StatusNotAcceptable, "not_acceptable", "Send Accept: application/octet-stream to download an export")
		}
		e, rp := c.st.findExport(c.param("job_identifier"))
		if rp != nil {
			return *rp
		}
		if e.status != "completed" || c.now > e.expiresAt {
			return notFound("not_found", "The export is not available for download (status "+e.status+")")
		}
		return reply{status: http.StatusOK, raw: e.csv, contentType: "application/octet-stream"}
	})
}

func acceptsOctetStream(values []string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err == nil && (mt == "application/octet-stream" || mt == "*/*") {
				return true
			}
		}
	}
	return false
}

// exportRows returns the CSV rows (header first) of the messages admins
// sent in [after, before], widened to whole UTC days as Intercom counts by
// calendar day; nil when there are none.
func (st *state) exportRows(after, before int64) [][]string {
	from := time.Unix(after, 0).UTC().Truncate(24 * time.Hour).Unix()
	to := time.Unix(before, 0).UTC().Truncate(24*time.Hour).Unix() + 24*3600 - 1
	cols := dataExportColumns()
	var rows [][]string
	for _, cv := range sortedBySeq(st.conversations, func(cv *conversation) int64 { return cv.seq }) {
		src := cv.fields["source"].(obj)
		created, _ := toInt(cv.fields["created_at"])
		if src["delivered_as"] != "admin_initiated" || created < from || created > to || len(cv.contactIDs) == 0 {
			continue
		}
		ct := st.contacts[cv.contactIDs[0]]
		if ct == nil {
			continue
		}
		var firstReply string
		for _, p := range cv.parts {
			if a, _ := p["author"].(obj); a != nil && a["type"] != "admin" && a["type"] != "bot" {
				firstReply = strconv.FormatInt(p["created_at"].(int64), 10)
				break
			}
		}
		companyID := "-1"
		if len(ct.companyIDs) > 0 {
			if co := st.companies[ct.companyIDs[0]]; co != nil {
				companyID = co.fields["company_id"].(string)
			}
		}
		contentType := "Chat"
		if src["type"] == "email" {
			contentType = "Email"
		}
		values := map[string]string{
			"user_id": ct.id(), "user_external_id": strOr(ct.fields["external_id"]), "company_id": companyID,
			"email": strOr(ct.fields["email"]), "name": strOr(ct.fields["name"]), "ruleset_id": src["id"].(string),
			"content_id": src["id"].(string), "content_type": contentType, "content_title": strOr(src["subject"]),
			"ruleset_version_id": src["id"].(string), "receipt_id": cv.id(), "received_at": strconv.FormatInt(created, 10),
			"series_id": "-1", "series_title": "", "node_id": "", "first_reply": firstReply,
		}
		row := make([]string, len(cols))
		for i, col := range cols {
			row[i] = values[col]
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil
	}
	return append([][]string{cols}, rows...)
}

func strOr(v any) string {
	s, _ := v.(string)
	return s
}

// gzipCSV encodes rows as a gzipped CSV.
func gzipCSV(rows [][]string) []byte {
	var plain bytes.Buffer
	w := csv.NewWriter(&plain)
	_ = w.WriteAll(rows)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(plain.Bytes())
	_ = zw.Close()
	return buf.Bytes()
}
