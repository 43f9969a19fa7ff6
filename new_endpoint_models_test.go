package intercom

import (
	"testing"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

// TestNewEndpointModelsDecodeEveryVersion decodes every success example of
// every version that has one of the endpoints below (calls, Fin, data
// connectors, office hours, reporting data, …, added in 2.14 to 2.16) into
// the model its method returns: each must be lossless, not only the
// oldest version's example that the method's own test exercises.
func TestNewEndpointModelsDecodeEveryVersion(t *testing.T) {
	t.Parallel()
	models := map[endpointKey]func() any{
		{"GET", "/admins/activity_log_event_types"}:                                            func() any { return new(ActivityLogEventTypeList) },
		{"POST", "/admins/activity_logs/search"}:                                               func() any { return new(ActivityLogList) },
		{"GET", "/calls"}:                                                                      func() any { return new(VoiceCallList) },
		{"POST", "/calls/search"}:                                                              func() any { return new(VoiceCallTranscriptList) },
		{"GET", "/calls/{call_id}"}:                                                            func() any { return new(VoiceCall) },
		{"GET", "/data_connectors"}:                                                            func() any { return new(DataConnectorList) },
		{"POST", "/data_connectors"}:                                                           func() any { return new(DataConnector) },
		{"GET", "/data_connectors/{data_connector_id}/execution_results"}:                      func() any { return new(DataConnectorExecutionResultList) },
		{"GET", "/data_connectors/{data_connector_id}/execution_results/{id}"}:                 func() any { return new(DataConnectorExecutionResult) },
		{"DELETE", "/data_connectors/{id}"}:                                                    func() any { return new(DataConnectorDeleted) },
		{"GET", "/data_connectors/{id}"}:                                                       func() any { return new(DataConnector) },
		{"PATCH", "/data_connectors/{id}"}:                                                     func() any { return new(DataConnector) },
		{"POST", "/export/reporting_data/enqueue"}:                                             func() any { return new(ReportingDataExportJob) },
		{"GET", "/export/reporting_data/get_datasets"}:                                         func() any { return new(ReportingDatasetList) },
		{"GET", "/export/reporting_data/{job_identifier}"}:                                     func() any { return new(ReportingDataExportJob) },
		{"GET", "/export/workflows/{id}"}:                                                      func() any { return new(WorkflowExport) },
		{"POST", "/fin/csat"}:                                                                  func() any { return new(FinCSAT) },
		{"POST", "/fin/reply"}:                                                                 func() any { return new(FinAgentConversation) },
		{"POST", "/fin/start"}:                                                                 func() any { return new(FinAgentConversation) },
		{"GET", "/fin_voice/collect/{id}"}:                                                     func() any { return new(FinVoiceCall) },
		{"GET", "/fin_voice/conversation/{conversation_id}"}:                                   func() any { return new(FinVoiceCallList) },
		{"GET", "/fin_voice/external_id/{external_id}"}:                                        func() any { return new(FinVoiceCall) },
		{"GET", "/fin_voice/phone_number/{phone_number}"}:                                      func() any { return new(FinVoiceCall) },
		{"POST", "/fin_voice/register"}:                                                        func() any { return new(FinVoiceCall) },
		{"GET", "/ip_allowlist"}:                                                               func() any { return new(IPAllowlist) },
		{"PUT", "/ip_allowlist"}:                                                               func() any { return new(IPAllowlist) },
		{"GET", "/jobs/status/{job_id}"}:                                                       func() any { return new(Job) },
		{"GET", "/messages/status"}:                                                            func() any { return new(WhatsAppMessageStatusList) },
		{"GET", "/messages/whatsapp/status"}:                                                   func() any { return new(WhatsAppMessageStatus) },
		{"GET", "/office_hours_schedules"}:                                                     func() any { return new(OfficeHoursScheduleList) },
		{"POST", "/office_hours_schedules"}:                                                    func() any { return new(OfficeHoursSchedule) },
		{"DELETE", "/office_hours_schedules/{id}"}:                                             func() any { return new(OfficeHoursScheduleDeleted) },
		{"GET", "/office_hours_schedules/{id}"}:                                                func() any { return new(OfficeHoursSchedule) },
		{"PUT", "/office_hours_schedules/{id}"}:                                                func() any { return new(OfficeHoursSchedule) },
		{"GET", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"}:  func() any { return new(OfficeHoursExceptionList) },
		{"POST", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"}: func() any { return new(OfficeHoursException) },
		{"DELETE", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"}: func() any { return new(OfficeHoursExceptionDeleted) },
		{"GET", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"}:    func() any { return new(OfficeHoursException) },
		{"PUT", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"}:    func() any { return new(OfficeHoursException) },
	}
	servers := map[string]*spectest.Server{}
	checked := 0
	for _, e := range spectest.Endpoints() {
		newModel, ok := models[endpointKey{e.Method, e.Path}]
		if !ok {
			continue
		}
		for _, v := range e.Versions {
			srv := servers[v]
			if srv == nil {
				srv = spectest.NewServer(t, spectest.Version(v))
				servers[v] = srv
			}
			opID := e.Operations[v]
			names := spectest.ExampleNamesOf(v, opID, 0)
			if len(names) == 0 {
				names = []string{""}
			}
			for _, name := range names {
				ex := srv.Example(opID, 0, name)
				m := newModel()
				require.NoError(t, Unmarshal(ex, m), "%s %s in %s, example %q", e.Method, e.Path, v, name)
				assertLossless(t, opID, ex, m)
				checked++
			}
		}
	}
	require.GreaterOrEqual(t, checked, len(models), "every endpoint's examples were decoded")
}
