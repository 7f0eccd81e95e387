{{- define "parapet.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "parapet.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "parapet.labels" -}}
app.kubernetes.io/name: {{ include "parapet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "parapet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "parapet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "parapet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "parapet.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "parapet.secretName" -}}
{{- default (printf "%s-auth" (include "parapet.fullname" .)) .Values.auth.existingSecret -}}
{{- end -}}

{{/* ConfigMap keys cannot hold slashes; tier directories can. */}}
{{- define "parapet.key" -}}
{{- . | replace "/" "__" -}}
{{- end -}}
