from django.conf import settings


def site(request):
    return {"dataset_version": settings.DATASET_VERSION}
