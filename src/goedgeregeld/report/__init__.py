"""The PDF advice report: ReportLab platypus document, theme chart, adviser review section."""
