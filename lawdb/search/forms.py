from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=300, strip=True, label="Search the laws")
    exact = forms.BooleanField(required=False, help_text="Search the words as typed.")
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)
