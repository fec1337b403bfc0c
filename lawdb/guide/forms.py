from django import forms

from lawdb.laws.models import Jurisdiction

from .rules import ACTS, AGES, IMAGES, Situation


def place_choices():
    rows = Jurisdiction.objects.select_related("parent").order_by("name")
    top = sorted((j for j in rows if j.parent_id is None), key=lambda j: j.name)
    children: dict[str, list] = {}
    for j in rows:
        if j.parent_id:
            children.setdefault(j.parent_id, []).append(j)
    choices = []
    for country in top:
        group = [(country.code, f"{country.name} (the whole country)")]
        group += [(c.code, c.name) for c in children.get(country.code, [])]
        choices.append((country.name, group))
    return choices


class PlaceField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=place_choices, coerce=self.to_jurisdiction, **kwargs)

    @staticmethod
    def to_jurisdiction(code):
        return Jurisdiction.objects.select_related("parent__parent").get(code=code)


class OptionsForm(forms.Form):
    live_in = PlaceField(label="Where do you live?")
    other_in = PlaceField(
        label="Where does the other person live, if you know?",
        required=False,
        empty_value=None,
    )
    image = forms.ChoiceField(
        label="Is the image real or fake?",
        choices=IMAGES.items(),
        widget=forms.RadioSelect,
        initial="unknown",
    )
    age = forms.ChoiceField(
        label="How old were you when the image was taken or made?",
        choices=AGES.items(),
        widget=forms.RadioSelect,
        initial="adult",
    )
    act = forms.MultipleChoiceField(
        label="What happened? Choose all that fit.",
        choices=ACTS.items(),
        widget=forms.CheckboxSelectMultiple,
        initial=["shared"],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        places = place_choices()
        self.fields["live_in"].choices = [("", "Choose a place…"), *places]
        self.fields["other_in"].choices = [("", "I don't know"), *places]

    def situation(self) -> Situation:
        data = self.cleaned_data
        return Situation.from_answers(
            live_in=data["live_in"],
            other_in=data["other_in"],
            image=data["image"],
            age=data["age"],
            acts=data["act"],
        )


class TakedownForm(forms.Form):
    platform = forms.CharField(label="Website or app", max_length=200)
    locations = forms.CharField(
        label="Where the image is: web addresses (URLs), usernames or post links, one per line",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    description = forms.CharField(
        label="Describe the image so they can find it (do not attach it)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    reason = forms.CharField(
        label="Why it is not consensual (for example: I never agreed to it being shared)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    name = forms.CharField(label="Your full name (this is your signature)", max_length=200)
    contact = forms.CharField(label="Your email or phone number", max_length=200)
    good_faith = forms.BooleanField(
        label="I believe in good faith that this image was published without my consent.",
    )


class PoliceSheetForm(OptionsForm):
    """The same questions as the options finder; the answer is a sheet for the police."""
